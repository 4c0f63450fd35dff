import { NextResponse, type NextRequest } from "next/server";
import { pageSecurityHeaders } from "./lib/security-headers";

/**
 * Every page gets a Content-Security-Policy with a fresh nonce (and HSTS on an https site).
 * Next.js reads the nonce from the request's CSP header while rendering and puts it on its own
 * scripts, so the policy can refuse every other inline script. The other security headers are
 * static (next.config.ts).
 */
export function proxy(request: NextRequest): NextResponse {
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
