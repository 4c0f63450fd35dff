import "server-only";
import { isAdmin, type Actor } from "@/lib/permissions";
import { forbidden, unauthenticated } from "@/lib/server/errors";

export const ONLY_ADMINS_IMPORT = "Only administrators can import and manage articles.";

/** Throws 401 for anonymous visitors and 403 for anyone but an admin. */
export function assertCanImport(actor: Actor | null): asserts actor is Actor {
  if (!actor) throw unauthenticated("import articles");
  if (!isAdmin(actor)) throw forbidden(ONLY_ADMINS_IMPORT);
}
