import "server-only";
import type { Actor } from "@/lib/permissions";
import { unauthenticated } from "@/lib/server/errors";

/**
 * Project routes pass the reader gate (a Manager may be a Reader site-wide, so the annotator gate
 * would turn them away); changing a project still needs someone signed in: 401 otherwise.
 */
export function signedIn(actor: Actor | null, what: string): Actor {
  if (!actor) throw unauthenticated(what);
  return actor;
}
