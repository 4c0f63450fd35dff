import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/lib/auth";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return toNextJsHandler(auth()).GET(withoutCachedSession(request));
}

export async function POST(request: Request) {
  return toNextJsHandler(auth()).POST(request);
}

/**
 * better-auth's session endpoint reads the database, not the cookie cache: it must not vouch for
 * a session that was signed out elsewhere or whose user was disabled (getActor confirms likewise).
 */
function withoutCachedSession(request: Request): Request {
  const url = new URL(request.url);
  if (!url.pathname.endsWith("/get-session")) return request;
  url.searchParams.set("disableCookieCache", "true");
  return new Request(url, request);
}
