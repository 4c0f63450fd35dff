import "server-only";
import { isAdmin, type Actor } from "@/lib/permissions";
import { getActor } from "@/lib/server/auth/get-actor";
import { redirectToSignIn } from "@/lib/server/auth/redirect-to-sign-in";

export type AdminPageAccess = { allowed: true; actor: Actor } | { allowed: false; actor: Actor };

/**
 * The gate of an admin page: anonymous visitors are redirected to sign in and
 * back to `nextPath`; a signed-in non-admin gets `allowed: false`, for which
 * the page renders `<Forbidden>` (Next's `forbidden()` still needs the
 * experimental `authInterrupts` flag).
 *
 * @example
 * const access = await requireAdminPage("/admin/users");
 * if (!access.allowed) return <Forbidden message="Only administrators can manage users." />;
 */
export async function requireAdminPage(nextPath: string): Promise<AdminPageAccess> {
  const actor = await getActor();
  if (!actor) redirectToSignIn(nextPath);
  return isAdmin(actor) ? { allowed: true, actor } : { allowed: false, actor };
}
