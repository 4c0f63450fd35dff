import { NextResponse, type NextRequest } from "next/server";
import { isPreflight, preflightResponse } from "./lib/protocol/cors";
import { corsPolicy } from "./lib/server/route/cors-policy";
import { isCacheablePageRequest, PAGE_PATH_HEADER, pageCacheOrigin } from "./lib/reading/page-cache-request";
import { hasStoppedAccepting } from "./lib/server/shutdown-state";
import { pageSecurityHeaders } from "./lib/security-headers";

/**
 * Every page gets a Content-Security-Policy with a fresh nonce (and HSTS on an https site).
 * Next.js reads the nonce from the request's CSP header while rendering and puts it on its own
 * scripts, so the policy can refuse every other inline script. The other security headers are
 * static (next.config.ts).
 */
export function proxy(request: NextRequest): Response {
  // The API's CORS preflights (GLOSSA_CORS_ORIGINS), for every route: the route gate adds the
  // headers of the actual answers (lib/server/route). Only preflights reach here for /api.
  if (request.nextUrl.pathname.startsWith("/api/")) {
    return isPreflight(request.method, request.headers) ? preflightResponse(corsPolicy(), request.headers) : NextResponse.next();
  }
  // next.config.ts keeps "/" on paths for the API's annotation containers; pages keep one address each.
  if (request.nextUrl.pathname.length > 1 && request.nextUrl.pathname.endsWith("/")) {
    const url = request.nextUrl.clone();
    url.pathname = url.pathname.replace(/\/+$/, "") || "/";
    return NextResponse.redirect(url, 308);
  }
  // A reader page comes from the page cache (an anonymous visitor's, or a signed-in one's when it may
  // be shared), which sets its own policy with a fresh nonce (lib/server/cache/serve-cached-page.ts);
  // the address bar keeps the page's URL.
  const { pathname, search } = request.nextUrl;
  // Not once the server has stopped accepting after SIGTERM: the cache reaches the page through a
  // new connection to this server (a loopback rewrite, a render on a miss), which would be refused,
  // while a request accepted before can still be rendered as it stands.
  const origin = hasStoppedAccepting() ? null : pageCacheOrigin();
  if (origin && isCacheablePageRequest({ method: request.method, pathname, search, headers: request.headers })) {
    // At the address Next listens on (its port and protocol for certain): Next 16 names this
    // server "localhost" to the proxy (and makes "localhost" of 127.0.0.1), so a host it was started
    // on by another name sees the rewrite as another origin's and forwards it there, over loopback.
    const target = new URL("/api/reading/page", origin);
    target.searchParams.set("path", pathname);
    // Started by that name, Next rewrites within the process and the route sees no query: the header carries the path there.
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set(PAGE_PATH_HEADER, pathname);
    return NextResponse.rewrite(target, { request: { headers: requestHeaders } });
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const headers = pageSecurityHeaders({
    nonce,
    baseURL: process.env.BETTER_AUTH_URL ?? request.nextUrl.origin,
    dev: process.env.NODE_ENV === "development",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [
    // CORS preflights of the API (OPTIONS with Access-Control-Request-Method).
    { source: "/api/:path*", has: [{ type: "header", key: "access-control-request-method" }] },
    {
      // Pages only: not the API (JSON and the live feed), Next's static files, or files in public/.
      source: "/((?!api/|_next/static|_next/image|favicon\\.ico|robots\\.txt).*)",
      // Prefetches carry no document to protect.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
