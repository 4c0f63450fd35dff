import "server-only";
import { canReadLibrary, isAdmin, type Actor } from "@/lib/permissions";
import { readPolicy } from "@/lib/permissions/policy";
import { getRequestSession, type RequestSession } from "@/lib/server/auth/get-actor";
import { annotatesSomewhere } from "@/lib/server/projects/annotates-somewhere";
import { AppError, forbidden, unauthenticated } from "@/lib/server/errors";
import { authenticateApiToken } from "@/lib/server/tokens/authenticate-api-token";
import { credentialsOf } from "@/lib/server/tokens/credentials";

/**
 * Who may call a route, checked through lib/permissions:
 * - `reader`: whoever may read the library (anyone, unless GLOSSA_REQUIRE_SIGN_IN);
 * - `annotator`: whoever annotates somewhere: annotators and admins by site role, and the Managers
 *   and Annotators of a project whatever their site role (canAnnotateSomewhere);
 * - `admin`: admins (isAdmin).
 * Per-resource rules (whose note, which article) stay in the use cases.
 */
export type Access = "reader" | "annotator" | "admin";

/** The actor a route of that access gets: readers may be anonymous, the others are signed in. */
export type ActorOf<A extends Access> = A extends "reader" ? Actor | null : Actor;

/**
 * Authorises the role of a request's actor (see resolveRequest) for `access`, or throws 401
 * (`Sign in to <action>.`) / 403. `action` completes the refusals: "annotate" gives
 * "Readers cannot annotate: ask an admin for the Annotator role.", "manage users" gives
 * "Only administrators can manage users.".
 */
export async function authorize<A extends Access>(access: A, action: string, actor: Actor | null): Promise<ActorOf<A>> {
  switch (access) {
    case "reader":
      if (!canReadLibrary(actor, readPolicy())) throw unauthenticated(action);
      break;
    case "annotator":
      if (!actor) throw unauthenticated(action);
      // A site Reader may annotate in a project of theirs: their memberships are read only then.
      if (!(await annotatesSomewhere(actor))) throw forbidden(`Readers cannot ${action}: ask an admin for the Annotator role.`);
      break;
    case "admin":
      if (!actor) throw unauthenticated(action);
      if (!isAdmin(actor)) throw forbidden(`Only administrators can ${action}.`);
      break;
  }
  return actor as ActorOf<A>;
}

/**
 * The one place a request's actor is found: its API token when it sends `Authorization` (401 for
 * a malformed, unknown or revoked one, never a fall-back to anonymous), else its session cookie,
 * with the session's id and the cookies better-auth made reading it (getRequestSession).
 * A request with both is refused: which of two people it acts as must never be a guess.
 */
export async function resolveRequest(request: Request): Promise<RequestSession> {
  const credentials = credentialsOf(request);
  if (credentials.type !== "bearer") return getRequestSession(request.headers);
  if (credentials.sessionToo) throw bothCredentials();
  return { actor: await authenticateApiToken(credentials.token), sessionId: null, setCookies: [] };
}

/** 400 for a request that sends an API token and a session cookie. */
export function bothCredentials(): AppError {
  return new AppError("INVALID_INPUT", "Send an API token or a session cookie, not both: a request acts as one person.");
}
