/*
 * The security headers every response carries, and the Content-Security-Policy each page
 * carries with its own nonce (set by proxy.ts). Pure: used by next.config.ts, proxy.ts, lib/auth.ts
 * and the server's request hooks, and table-tested.
 */

/** Whether `url` points at this machine, where there is no TLS and cookies cannot be `Secure`. */
export function isLocalhost(url: string): boolean {
  const host = new URL(url).hostname;
  return host === "localhost" || host === "127.0.0.1" || host === "[::1]";
}

/** Headers that do not depend on the request: for every response (next.config.ts). */
export const STATIC_SECURITY_HEADERS: { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // For browsers without CSP frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
  // Glossa uses none of these: no page, or anything injected into one, may ask for them.
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()" },
];

/**
 * The same headers as Node's `writeHead` takes them (lower-case names, as Node reports them): for
 * answers written outside Next.js, by the server's request hooks (lib/server/*-hook.ts).
 */
export const NODE_SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(STATIC_SECURITY_HEADERS.map(({ key, value }) => [key.toLowerCase(), value])),
);

/**
 * The policy of one page. Scripts run only with this response's `nonce` (Next.js puts it on its
 * own scripts), and what they load (`strict-dynamic`); no inline script or `eval` of an attacker's.
 * Styles keep 'unsafe-inline': React writes `style` attributes (user colours, positions), which a
 * nonce cannot cover (and a nonce in style-src would make browsers ignore 'unsafe-inline').
 * `dev` adds 'unsafe-eval', which React's development build needs for its error overlays.
 */
export function contentSecurityPolicy({ nonce, dev, https }: { nonce: string; dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    // fetch and the live feed (EventSource) go to this origin only.
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/**
 * The per-page headers: the CSP, and HSTS when the public URL (BETTER_AUTH_URL) is https on a
 * real host. Never on localhost: HSTS there would follow the browser to every local project.
 */
export function pageSecurityHeaders({ nonce, baseURL, dev }: { nonce: string; baseURL: string; dev: boolean }): Record<string, string> {
  const https = new URL(baseURL).protocol === "https:" && !isLocalhost(baseURL);
  return {
    "Content-Security-Policy": contentSecurityPolicy({ nonce, dev, https }),
    ...(https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}
