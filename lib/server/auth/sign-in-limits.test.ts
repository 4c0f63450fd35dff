/**
 * Sign-in and sign-up limits through better-auth's real handler, as a production server runs it,
 * against a throwaway PostgreSQL: a password-guessing loop on one account is stopped while
 * others on the same address sign in, a right password resets the count, and one address
 * trying many accounts is stopped too. (That the address cannot be chosen with
 * X-Forwarded-For is client-ip.test.ts, client-ip-hook.test.ts and e2e/sign-in-limits.spec.ts.)
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CLIENT_IP_HEADER } from "@/lib/client-ip";
import { testDatabase } from "@/lib/server/testing/test-database";

testDatabase("glossa-sign-in-limits-test");

let auth: typeof import("@/lib/auth").auth;
let limits: typeof import("./sign-in-limits");
const ORIGIN = "http://localhost:3000";
const PASSWORD = "correct horse battery";

beforeAll(async () => {
  vi.stubEnv("BETTER_AUTH_SECRET", "sign-in-limits-test-secret-0123456789abcdef");
  // Limits are on in production only, as better-auth's.
  vi.stubEnv("NODE_ENV", "production");
  ({ auth } = await import("@/lib/auth"));
  limits = await import("./sign-in-limits");
});

afterAll(() => {
  vi.unstubAllEnvs();
});

async function newAccount(): Promise<string> {
  const email = `${randomUUID()}@test.glossa`;
  await auth().api.signUpEmail({ body: { email, password: PASSWORD, name: "Test" } });
  return email;
}

function signIn(email: string, password: string, address: string): Promise<Response> {
  return auth().handler(
    new Request(`${ORIGIN}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: ORIGIN, [CLIENT_IP_HEADER]: address },
      body: JSON.stringify({ email, password }),
    }),
  );
}

async function expectTooMany(response: Response, message: RegExp) {
  expect(response.status).toBe(429);
  const retryAfter = Number(response.headers.get("Retry-After"));
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(60);
  const body = (await response.json()) as { code: string; message: string };
  expect(body.code).toBe("TOO_MANY_REQUESTS");
  expect(body.message).toMatch(message);
  expect(body.message).toContain(`${retryAfter} second`);
}

describe("per account", () => {
  it("stops a guessing loop on one account while another person at the same address signs in", async () => {
    const victim = await newAccount();
    const colleague = await newAccount();
    const office = "203.0.113.10";
    for (let attempt = 1; attempt <= limits.PER_ACCOUNT.max; attempt++) {
      expect((await signIn(victim, `wrong-${attempt}-password`, office)).status).toBe(401);
    }
    await expectTooMany(await signIn(victim, "wrong-again-password", office), /for this account/);
    // From another address too: the limit is the account's.
    await expectTooMany(await signIn(victim, "wrong-again-password", "198.51.100.77"), /for this account/);
    // Even the right password waits for the window: a guess that happens to be right gains nothing.
    expect((await signIn(victim, PASSWORD, office)).status).toBe(429);

    expect((await signIn(colleague, PASSWORD, office)).status).toBe(200);
  });

  it("forgets the mistakes once the right password is given", async () => {
    const email = await newAccount();
    const home = "203.0.113.20";
    for (let attempt = 1; attempt < limits.PER_ACCOUNT.max; attempt++) expect((await signIn(email, "mistyped-password", home)).status).toBe(401);
    expect((await signIn(email, PASSWORD, home)).status).toBe(200);
    for (let attempt = 1; attempt < limits.PER_ACCOUNT.max; attempt++) expect((await signIn(email, "mistyped-password", home)).status).toBe(401);
    expect((await signIn(email, PASSWORD, home)).status).toBe(200);
  });

  it("counts an email however it is capitalised", async () => {
    const email = await newAccount();
    for (let attempt = 1; attempt <= limits.PER_ACCOUNT.max; attempt++) {
      const spelling = attempt % 2 ? email.toUpperCase() : ` ${email}`;
      await signIn(spelling, "wrong-password-here", `192.0.2.${attempt}`);
    }
    expect((await signIn(email, "wrong-password-here", "192.0.2.99")).status).toBe(429);
  });
});

describe("per address", () => {
  it("stops one address trying many accounts, and no other address", async () => {
    const sprayer = "198.51.100.200";
    // The address's earlier attempts, counted straight into the table (hashing 120 passwords would take minutes here).
    const { consumeRateLimit } = await import("./rate-limit");
    for (let attempt = 1; attempt < limits.PER_ADDRESS.max; attempt++) await consumeRateLimit(limits.addressKey(sprayer, "/sign-in/email"), limits.PER_ADDRESS);
    expect((await signIn(`${randomUUID()}@test.glossa`, "password-spray-1", sprayer)).status).toBe(401);
    await expectTooMany(await signIn(`${randomUUID()}@test.glossa`, "password-spray-1", sprayer), /from your network/);
    expect((await signIn(await newAccount(), PASSWORD, "198.51.100.201")).status).toBe(200);
  });
});

describe("consumeRateLimit", () => {
  const rule = { window: 60, max: 5 };

  it("lets exactly `max` of many simultaneous requests through", async () => {
    const { consumeRateLimit } = await import("./rate-limit");
    const key = `test:${randomUUID()}`;
    const decisions = await Promise.all(Array.from({ length: 30 }, () => consumeRateLimit(key, rule)));
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(rule.max);
  });

  it("opens again when the window has passed, and says when that will be", async () => {
    const { consumeRateLimit } = await import("./rate-limit");
    const key = `test:${randomUUID()}`;
    const start = Date.now();
    for (let i = 0; i < rule.max; i++) expect((await consumeRateLimit(key, rule, start + i * 1000)).allowed).toBe(true);
    expect(await consumeRateLimit(key, rule, start + 15_000)).toEqual({ allowed: false, retryAfter: 45 });
    expect(await consumeRateLimit(key, rule, start + 59_500)).toEqual({ allowed: false, retryAfter: 1 });
    expect((await consumeRateLimit(key, rule, start + 60_000)).allowed).toBe(true);
  });

  it("forgets a key on reset", async () => {
    const { consumeRateLimit, resetRateLimit } = await import("./rate-limit");
    const key = `test:${randomUUID()}`;
    for (let i = 0; i <= rule.max; i++) await consumeRateLimit(key, rule);
    await resetRateLimit(key);
    expect((await consumeRateLimit(key, rule)).allowed).toBe(true);
  });
});
