import "server-only";
import { forbidden } from "@/lib/server/errors";

/** Methods that change nothing; every other method must come from the app's own pages. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Whether the method may change state (POST, PUT, PATCH, DELETE, …). */
export function isStateChanging(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/**
 * Refuses (403) a state-changing request that another site's page could have made in a user's
 * browser (cross-site request forgery). The rule, in order:
 *
 * 1. `Sec-Fetch-Site` (sent by every current browser), when present, must be `same-origin` or
 *    `none` (typed by the user); `same-site` is refused too, since a sibling subdomain is not
 *    necessarily ours.
 * 2. `Origin`, when present, must be one of `trustedOrigins` — the same list better-auth checks
 *    its own routes against (BETTER_AUTH_URL, and localhost / 127.0.0.1 on GLOSSA_PORT; see
 *    lib/config.ts). `Origin: null` (sandboxed frames, some redirects) is refused.
 * 3. With neither header the request did not come from a current browser (browsers send
 *    `Origin` on every cross-origin POST, PUT, PATCH and DELETE). It passes only without cookies:
 *    then it carries no session and acts as an anonymous visitor. A script that sends a session
 *    cookie must also send `Origin`, as better-auth already requires for signing in.
 */
export function assertSameOrigin(request: Request, trustedOrigins: readonly string[]): void {
  if (!isStateChanging(request.method)) return;
  const site = request.headers.get("sec-fetch-site");
  const origin = request.headers.get("origin");
  if (site !== null && site !== "same-origin" && site !== "none") {
    throw forbidden("Refused: this request was sent from another site's page.");
  }
  if (origin !== null) {
    if (!trustedOrigins.includes(origin)) throw forbidden(`Refused: this request came from ${origin === "null" ? "an opaque origin" : origin}, not from Glossa's own pages.`);
    return;
  }
  if (site === null && request.headers.has("cookie")) {
    throw forbidden("Refused: a request that changes something and sends cookies must say where it comes from (the Origin header).");
  }
}
