import "server-only";
import { redirect } from "next/navigation";
import { config } from "@/lib/config";
import { safeNextPath } from "@/lib/safe-next-path";

/** Sends the visitor to sign in, then back to `nextPath` (a path on this site, e.g. "/admin/users"). */
export function redirectToSignIn(nextPath: string): never {
  // Checked here too, so a path built from a request can never carry the visitor off the site.
  const next = safeNextPath(nextPath, config().baseURL);
  // Slashes stay readable (`?next=/admin/users`); everything else is encoded.
  redirect(`/sign-in?next=${encodeURIComponent(next).replaceAll("%2F", "/")}`);
}
