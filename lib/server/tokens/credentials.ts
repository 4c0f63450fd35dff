import "server-only";

/**
 * How a request says who it is: an `Authorization: Bearer …` token, a better-auth session cookie,
 * both (refused by the gate: a request authenticates one way), or neither. Pure header reading.
 */
export type Credentials = { type: "none" } | { type: "session" } | { type: "bearer"; token: string | null; sessionToo: boolean };

// better-auth's cookies: `better-auth.session_token` / `.session_data`, `__Secure-` on https.
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?better-auth\.session_(?:token|data)=/;

/** The request's credentials; a malformed Authorization header gives a bearer with token null. */
export function credentialsOf(request: Request): Credentials {
  const session = SESSION_COOKIE.test(request.headers.get("cookie") ?? "");
  const authorization = request.headers.get("authorization");
  if (authorization === null) return session ? { type: "session" } : { type: "none" };
  const match = /^Bearer[ ]+([^\s]+)\s*$/i.exec(authorization.trim());
  return { type: "bearer", token: match ? match[1]! : null, sessionToo: session };
}
