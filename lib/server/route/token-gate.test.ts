/**
 * The gate with API tokens: a bearer request is authenticated by its token (never falling back to
 * the session or to anonymous), skips the cookie origin check, is refused when it also sends a
 * session cookie or reaches a session-only route; 401s say how to authenticate, 429s when to
 * retry; every answer carries CORS headers for an allowed origin only.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/permissions";

const getActor = vi.fn<() => Promise<Actor | null>>();
vi.mock("@/lib/server/auth/get-actor", () => ({ getActor: () => getActor(), getRequestSession: async () => ({ actor: await getActor(), sessionId: null, setCookies: [] }) }));
const authenticate = vi.fn<(token: string | null) => Promise<Actor>>();
vi.mock("@/lib/server/tokens/authenticate-api-token", async (original) => ({ ...(await original()), authenticateApiToken: (token: string | null) => authenticate(token) }));
vi.mock("@/lib/permissions/policy", () => ({ readPolicy: () => ({ requireSignIn: false }) }));

process.env.BETTER_AUTH_SECRET = "route-test-secret-0123456789abcdefghijklmnop";
process.env.BETTER_AUTH_URL = "https://glossa.example";
process.env.GLOSSA_CORS_ORIGINS = "https://client.example";

const { annotatorRoute, readerRoute } = await import("./index");
const { invalidToken } = await import("@/lib/server/tokens/authenticate-api-token");
const { AppError } = await import("@/lib/server/errors");

const TOKEN = `glossa_${"a".repeat(43)}`;
const tokenUser: Actor = { id: "t1", name: "Token User", email: "t@test.glossa", role: "ANNOTATOR", color: "#123456" };
const sessionUser: Actor = { ...tokenUser, id: "s1", name: "Session User" };
const context = { params: Promise.resolve({}) };

const whoAmI = annotatorRoute({ action: "annotate" }, async ({ actor }) => ({ id: actor.id }));
const sessionOnly = readerRoute({ action: "manage tokens", sessionOnly: true }, async () => ({ ok: true }));

function call(route: typeof whoAmI, headers: Record<string, string>, method = "POST") {
  return route(new Request("https://glossa.example/api/x", { method, headers }), context);
}

beforeEach(() => {
  getActor.mockReset().mockResolvedValue(sessionUser);
  authenticate.mockReset().mockResolvedValue(tokenUser);
});

describe("the gate with API tokens", () => {
  it("acts as the token's user, without an Origin (a program), and never looks at the session", async () => {
    const response = await call(whoAmI, { Authorization: `Bearer ${TOKEN}` });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { id: "t1" } });
    expect(authenticate).toHaveBeenCalledWith(TOKEN);
    expect(getActor).not.toHaveBeenCalled();
  });

  it("still refuses a cookie request from another site (the token exemption is for tokens only)", async () => {
    const response = await call(whoAmI, { Origin: "https://evil.example", Cookie: "better-auth.session_token=abc" });
    expect(response.status).toBe(403);
  });

  it("refuses a token sent with a session cookie (400), before authenticating either", async () => {
    const response = await call(whoAmI, { Authorization: `Bearer ${TOKEN}`, Cookie: "theme=dark; better-auth.session_token=abc" });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/not both/);
    expect(authenticate).not.toHaveBeenCalled();
    // Other cookies are not a session.
    expect((await call(whoAmI, { Authorization: `Bearer ${TOKEN}`, Cookie: "theme=dark" })).status).toBe(200);
  });

  it("answers a refused token 401 with WWW-Authenticate error=invalid_token, never as anonymous", async () => {
    authenticate.mockRejectedValue(invalidToken("This API token is not valid."));
    const response = await call(readerRoute({ action: "read" }, async ({ actor }) => ({ actor })), { Authorization: "Bearer nope" }, "GET");
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe('Bearer realm="Glossa", error="invalid_token"');
  });

  it("answers a missing sign-in 401 with a Bearer challenge", async () => {
    getActor.mockResolvedValue(null);
    const response = await call(whoAmI, {});
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe('Bearer realm="Glossa"');
  });

  it("answers 429 with Retry-After", async () => {
    authenticate.mockRejectedValue(new AppError("RATE_LIMITED", "Too many.", { retryAfter: 17 }));
    const response = await call(whoAmI, { Authorization: `Bearer ${TOKEN}` });
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("17");
  });

  it("refuses tokens on session-only routes (403) and lets the session through", async () => {
    expect((await call(sessionOnly, { Authorization: `Bearer ${TOKEN}` }, "GET")).status).toBe(403);
    expect((await call(sessionOnly, {}, "GET")).status).toBe(200);
  });

  it("adds CORS headers for an allowed origin, on successes and failures, and none for another", async () => {
    const ok = await call(whoAmI, { Authorization: `Bearer ${TOKEN}`, Origin: "https://client.example" });
    expect(ok.headers.get("access-control-allow-origin")).toBe("https://client.example");
    expect(ok.headers.get("access-control-expose-headers")).toContain("ETag");
    authenticate.mockRejectedValue(invalidToken("no"));
    const refused = await call(whoAmI, { Authorization: `Bearer ${TOKEN}`, Origin: "https://client.example" });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("access-control-allow-origin")).toBe("https://client.example");
    const other = await call(whoAmI, { Authorization: `Bearer ${TOKEN}`, Origin: "https://evil.example" });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });
});
