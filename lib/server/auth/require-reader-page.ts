import "server-only";
import { config } from "@/lib/config";
import type { Actor } from "@/lib/permissions";
import { getActor } from "@/lib/server/auth/get-actor";
import { redirectToSignIn } from "@/lib/server/auth/redirect-to-sign-in";

/**
 * For pages that show the library's content: when GLOSSA_REQUIRE_SIGN_IN is
 * on, anonymous visitors are sent to sign in and back to `nextPath`.
 * Returns the signed-in user, or null (only when sign-in is not required).
 */
export async function requireReaderPage(nextPath: string): Promise<Actor | null> {
  const actor = await getActor();
  if (!actor && config().GLOSSA_REQUIRE_SIGN_IN) redirectToSignIn(nextPath);
  return actor;
}
