/**
 * Cross-origin access to the API (CORS, https://fetch.spec.whatwg.org/#http-cors-protocol) for
 * browser-based clients on other origins, such as a Web Annotation client. Pure: the allowed
 * origins come from GLOSSA_CORS_ORIGINS, read by the caller.
 *
 * Credentials are never allowed cross-origin (no Access-Control-Allow-Credentials): another
 * origin's page authenticates with an API token in the Authorization header, never with the
 * user's Glossa session cookie, so a page cannot act as a visitor who merely opened it.
 */

/** The allowed origins: `*` (any), or a list of exact origins. */
export type CorsPolicy = { any: true } | { any: false; origins: ReadonlySet<string> };

/** What a cross-origin page may send and read (the protocol's headers among them). */
export const CORS_ALLOWED_METHODS = "GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE";
export const CORS_ALLOWED_HEADERS = "Authorization, Content-Type, Accept, Prefer, If-Match, If-None-Match, Slug";
export const CORS_EXPOSED_HEADERS = "ETag, Link, Location, Content-Location, Allow, Accept-Post, Preference-Applied, Vary, Retry-After, WWW-Authenticate, Content-Disposition";
/** Browsers cache a preflight answer this many seconds (Chromium caps it at 7200). */
const PREFLIGHT_MAX_AGE = 600;

/**
 * Parses GLOSSA_CORS_ORIGINS: unset or empty allows no other origin; `*` allows any; otherwise
 * comma-separated origins (`https://client.example,http://localhost:5173`). Throws, naming the
 * entry, on anything that is not an origin (a path, a trailing slash, a wildcard inside a name):
 * a typo fails every API request loudly, with the entry in the log, instead of silently
 * allowing nothing.
 */
export function parseCorsOrigins(value: string | undefined): CorsPolicy {
  const entries = (value ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 1 && entries[0] === "*") return { any: true };
  const origins = new Set<string>();
  for (const entry of entries) {
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      throw new Error(`GLOSSA_CORS_ORIGINS: "${entry}" is not an origin (scheme://host[:port]).`);
    }
    if ((url.protocol !== "http:" && url.protocol !== "https:") || url.origin !== entry || entry.includes("*")) {
      throw new Error(`GLOSSA_CORS_ORIGINS: "${entry}" is not an origin (scheme://host[:port], no path or trailing slash); "*" alone allows any.`);
    }
    origins.add(url.origin);
  }
  return { any: false, origins };
}

/** Whether a page on `origin` may use the API. */
export function isCorsAllowed(policy: CorsPolicy, origin: string | null): origin is string {
  if (origin === null || origin === "null") return false;
  return policy.any || policy.origins.has(origin);
}

/** Headers for an actual (non-preflight) response to a request from `origin`; none when it is not allowed. */
export function corsResponseHeaders(policy: CorsPolicy, origin: string | null): Record<string, string> {
  if (!isCorsAllowed(policy, origin)) return {};
  return { "Access-Control-Allow-Origin": origin, "Access-Control-Expose-Headers": CORS_EXPOSED_HEADERS };
}

/** Whether a request is a CORS preflight (OPTIONS with Access-Control-Request-Method). */
export function isPreflight(method: string, headers: Headers): boolean {
  return method.toUpperCase() === "OPTIONS" && headers.has("access-control-request-method");
}

/**
 * The answer to a preflight: 204, with permission when the origin is allowed, without it (which
 * the browser reads as a refusal) otherwise. `Vary: Origin`, since the answer depends on it.
 */
export function preflightResponse(policy: CorsPolicy, headers: Headers): Response {
  const origin = headers.get("origin");
  const answer = new Headers({ Vary: "Origin, Access-Control-Request-Method, Access-Control-Request-Headers" });
  if (isCorsAllowed(policy, origin)) {
    answer.set("Access-Control-Allow-Origin", origin);
    answer.set("Access-Control-Allow-Methods", CORS_ALLOWED_METHODS);
    answer.set("Access-Control-Allow-Headers", CORS_ALLOWED_HEADERS);
    answer.set("Access-Control-Max-Age", String(PREFLIGHT_MAX_AGE));
  }
  return new Response(null, { status: 204, headers: answer });
}
