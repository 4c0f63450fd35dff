import "server-only";
import { canReadLibrary, type Actor } from "@/lib/permissions";
import { readPolicy } from "@/lib/permissions/policy";
import { getActor } from "@/lib/server/auth/get-actor";
import { redirectToSignIn } from "@/lib/server/auth/redirect-to-sign-in";

/**
 * For pages that show the library's content: a visitor who may not read the library (anonymous,
 * when GLOSSA_REQUIRE_SIGN_IN is on) is sent to sign in and back to `nextPath`.
 * Returns the signed-in user, or null (only when sign-in is not required).
 */
export async function requireReaderPage(nextPath: string): Promise<Actor | null> {
  const actor = await getActor();
  if (!canReadLibrary(actor, readPolicy())) redirectToSignIn(nextPath);
  return actor;
}
