import "server-only";
import { getSessionCookie } from "better-auth/cookies";
import { headers } from "next/headers";
import { cache } from "react";
import { auth } from "@/lib/auth";
import type { Actor, Role } from "@/lib/permissions";
import { templateViewerOf } from "@/lib/server/cache/viewer-template";
import { directPool } from "@/lib/server/direct-pool";
import { colorForUser } from "@/lib/user-colors";

/**
 * The signed-in user of this request, or null (no session, signed out, expired, or disabled
 * account). Cached per request.
 *
 * better-auth checks the signed session cookies; with its cookie cache on, that needs no
 * database read. The cache alone would let a signed-out or deleted session (a disabled account)
 * and an old role count for minutes, so one indexed query then confirms that the session still
 * exists and takes the user's current role, name and colour: sign-out, disabling and role
 * changes count at once, for one round trip instead of better-auth's two.
 */
export const getActor = cache(async (fromHeaders?: Headers): Promise<Actor | null> => (await getRequestSession(fromHeaders)).actor);

/** Who a request's session cookie names, and what better-auth made while reading it (see getRequestSession). */
export interface RequestSession {
  actor: Actor | null;
  /** The session's id: signing it out closes what it opened (the live feed). Null without one (a template viewer too). */
  sessionId: string | null;
  /**
   * Set-Cookie headers for the answer, as better-auth made them (its cookie attributes: HttpOnly,
   * SameSite=Lax, Secure off localhost): the session's sliding expiry, renewed once a day, and its
   * cookie cache, every 5 minutes. Inside a Next.js request better-auth's nextCookies also sets them
   * through `cookies()`; an answer written outside one (the server's request hooks) has only these.
   */
  setCookies: string[];
}

const NO_SESSION = { actor: null, sessionId: null, setCookies: [] } as const satisfies RequestSession;

/** The request's session (getActor's lookup), with its id and the cookies better-auth wants set. Cached per request. */
export const getRequestSession = cache(async (fromHeaders?: Headers): Promise<RequestSession> => {
  // A route passes its request's headers: the live feed's route also runs outside Next's request scope (lib/server/live/live-feed-hook.ts).
  const requestHeaders = fromHeaders ?? (await headers());
  // The page cache's own render of a signed-in page for a made-up viewer (only it knows the secret that names one).
  const template = templateViewerOf(requestHeaders);
  if (template) return { ...NO_SESSION, actor: template };
  // No session cookie, no session: an anonymous request costs neither better-auth's checks nor a query.
  if (!getSessionCookie(requestHeaders)) return NO_SESSION;
  const { headers: made, response: session } = await auth().api.getSession({ headers: requestHeaders, returnHeaders: true });
  // Even without a session: better-auth clears the cookies of an expired or unknown one.
  const setCookies = made.getSetCookie();
  if (!session) return { ...NO_SESSION, setCookies };
  const actor = await currentActorOfSession(session.session.id);
  return { actor, sessionId: actor ? session.session.id : null, setCookies };
});

// session.expiresAt holds UTC in a timestamp without time zone, as Prisma writes it.
async function currentActorOfSession(sessionId: string): Promise<Actor | null> {
  const { rows } = await directPool().query<{ id: string; name: string; email: string; role: Role; color: string | null }>(
    `SELECT "u"."id", "u"."name", "u"."email", "u"."role"::text AS "role", "u"."color"
       FROM "session" AS "s" JOIN "user" AS "u" ON "u"."id" = "s"."userId"
      WHERE "s"."id" = $1 AND "s"."expiresAt" > (now() AT TIME ZONE 'UTC') AND "u"."disabledAt" IS NULL`,
    [sessionId],
  );
  const user = rows[0];
  if (!user) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role, color: user.color ?? colorForUser(user.email) };
}
