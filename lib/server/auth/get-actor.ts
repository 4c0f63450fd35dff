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
export const getActor = cache(async (fromHeaders?: Headers): Promise<Actor | null> => {
  // A route passes its request's headers: the live feed's route also runs outside Next's request scope (lib/server/live/live-feed-hook.ts).
  const requestHeaders = fromHeaders ?? (await headers());
  // The page cache's own render of a signed-in page for a made-up viewer (only it knows the secret that names one).
  const template = templateViewerOf(requestHeaders);
  if (template) return template;
  // No session cookie, no session: an anonymous request costs neither better-auth's checks nor a query.
  if (!getSessionCookie(requestHeaders)) return null;
  const session = await auth().api.getSession({ headers: requestHeaders });
  if (!session) return null;
  return currentActorOfSession(session.session.id);
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
