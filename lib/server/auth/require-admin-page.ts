import "server-only";
import { forbidden } from "next/navigation";
import { isAdmin, type Actor } from "@/lib/permissions";
import { getActor } from "@/lib/server/auth/get-actor";
import { redirectToSignIn } from "@/lib/server/auth/redirect-to-sign-in";

/**
 * The gate of an admin page: anonymous visitors are redirected to sign in and
 * back to `nextPath`; a signed-in non-admin gets the nearest `forbidden.tsx`
 * with HTTP 403. Returns the admin.
 */
export async function requireAdminPage(nextPath: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirectToSignIn(nextPath);
  if (!isAdmin(actor)) forbidden();
  return actor;
}
