import "server-only";
import { config } from "@/lib/config";
import type { ReadPolicy } from "./index";

/** The site's read policy from its configuration (GLOSSA_REQUIRE_SIGN_IN), for `canRead` and `canReadLibrary`. */
export function readPolicy(): ReadPolicy {
  return { requireSignIn: config().GLOSSA_REQUIRE_SIGN_IN };
}
