import "server-only";
import { redirect } from "next/navigation";

/** Sends the visitor to sign in, then back to `nextPath` (a path on this site, e.g. "/admin/users"). */
export function redirectToSignIn(nextPath: string): never {
  // Slashes stay readable (`?next=/admin/users`); everything else is encoded.
  redirect(`/sign-in?next=${encodeURIComponent(nextPath).replaceAll("%2F", "/")}`);
}
