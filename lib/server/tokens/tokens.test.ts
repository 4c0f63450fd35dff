/**
 * API tokens against a real PostgreSQL: made shown once and stored hashed, listed without their
 * secret, revoked only by their owner, and authenticated with the user's current role, refusing
 * revoked, unknown, malformed tokens and disabled accounts, and counting requests per minute.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/permissions";
import { testDatabase } from "@/lib/server/testing/test-database";
import { authenticateApiToken, TOKEN_REQUESTS_PER_MINUTE } from "./authenticate-api-token";
import { createApiToken, MAX_TOKENS_PER_USER } from "./create-api-token";
import { listApiTokens } from "./list-api-tokens";
import { revokeApiToken } from "./revoke-api-token";
import { hashToken } from "./token-secret";

const database = testDatabase("glossa-api-tokens-test");
let owner: Actor;
let other: Actor;

beforeAll(async () => {
  owner = await database.newUser("Token Owner");
  other = await database.newUser("Someone Else");
});

async function row(id: string) {
  const { rows } = await database.client.query(`SELECT * FROM "ApiToken" WHERE id = $1`, [id]);
  return rows[0];
}

describe("API tokens", () => {
  it("stores only the SHA-256 of a new token, and lists it without the secret", async () => {
    const { token, record } = await createApiToken({ actor: owner, input: { name: "  Script  " } });
    expect(token).toMatch(/^glossa_[A-Za-z0-9_-]{43}$/);
    expect(record).toMatchObject({ name: "Script", prefix: token.slice(0, 13), lastUsedAt: null, revokedAt: null });
    const stored = await row(record.id);
    expect(stored.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(stored)).not.toContain(token.slice(7));
    const listed = await listApiTokens({ actor: owner });
    expect(listed.find((item) => item.id === record.id)).toEqual(record);
    expect(JSON.stringify(listed)).not.toContain(token.slice(7));
    expect((await listApiTokens({ actor: other })).some((item) => item.id === record.id)).toBe(false);
  });

  it("acts as its user with the role they have now, and records its last use", async () => {
    const { token, record } = await createApiToken({ actor: owner, input: { name: "Role" } });
    expect(await authenticateApiToken(token)).toEqual({ ...owner, color: expect.any(String) });
    await database.client.query(`UPDATE "user" SET role = 'READER' WHERE id = $1`, [owner.id]);
    expect((await authenticateApiToken(token)).role).toBe("READER");
    await database.client.query(`UPDATE "user" SET role = 'ANNOTATOR' WHERE id = $1`, [owner.id]);
    expect((await row(record.id)).lastUsedAt).not.toBeNull();
  });

  it.each([
    ["malformed", null],
    ["malformed", "glossa_short"],
    ["malformed", "Bearer glossa_x"],
    ["unknown", `glossa_${"A".repeat(43)}`],
  ])("refuses a %s token (%s) with invalid_token", async (_, token) => {
    await expect(authenticateApiToken(token)).rejects.toMatchObject({ code: "UNAUTHENTICATED", details: { bearer: "invalid_token" } });
  });

  it("refuses a revoked token at once; only its owner may revoke it", async () => {
    const { token, record } = await createApiToken({ actor: owner, input: { name: "Revoke me" } });
    await expect(revokeApiToken({ actor: other, tokenId: record.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await authenticateApiToken(token);
    const revoked = await revokeApiToken({ actor: owner, tokenId: record.id });
    expect(revoked.revokedAt).not.toBeNull();
    await expect(authenticateApiToken(token)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    // Revoking again keeps the first time.
    expect((await revokeApiToken({ actor: owner, tokenId: record.id })).revokedAt).toBe(revoked.revokedAt);
  });

  it("refuses the token of a disabled account", async () => {
    const user = await database.newUser("Soon Disabled");
    const { token } = await createApiToken({ actor: user, input: { name: "x" } });
    await database.client.query(`UPDATE "user" SET "disabledAt" = now() WHERE id = $1`, [user.id]);
    await expect(authenticateApiToken(token)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it(`refuses the request after ${TOKEN_REQUESTS_PER_MINUTE} in a minute with 429 and the seconds to wait, then a new minute starts afresh`, async () => {
    const { token, record } = await createApiToken({ actor: owner, input: { name: "Busy" } });
    await database.client.query(`UPDATE "ApiToken" SET "windowCount" = $2, "windowStart" = now() AT TIME ZONE 'UTC' WHERE id = $1`, [record.id, TOKEN_REQUESTS_PER_MINUTE - 1]);
    await authenticateApiToken(token);
    const refusal = await authenticateApiToken(token).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: "RATE_LIMITED", details: { retryAfter: expect.any(Number) } });
    expect((refusal as { details: { retryAfter: number } }).details.retryAfter).toBeGreaterThan(0);
    expect((refusal as { details: { retryAfter: number } }).details.retryAfter).toBeLessThanOrEqual(60);
    await database.client.query(`UPDATE "ApiToken" SET "windowStart" = "windowStart" - interval '61 seconds' WHERE id = $1`, [record.id]);
    await authenticateApiToken(token);
    expect((await row(record.id)).windowCount).toBe(1);
  });

  it("refuses bad names and anonymous callers, storing nothing", async () => {
    const before = (await listApiTokens({ actor: owner })).length;
    for (const input of [{ name: "" }, { name: " " }, { name: "x".repeat(101) }, { name: 5 }, {}, { name: "ok", more: 1 }, { name: "a\u0000b" }, null]) {
      await expect(createApiToken({ actor: owner, input })).rejects.toMatchObject({ name: "ZodError" });
    }
    await expect(createApiToken({ actor: null, input: { name: "x" } })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect((await listApiTokens({ actor: owner })).length).toBe(before);
  });

  it(`allows at most ${MAX_TOKENS_PER_USER} live tokens per user`, async () => {
    const user = await database.newUser("Collector");
    await Promise.all(Array.from({ length: MAX_TOKENS_PER_USER }, (_, i) => createApiToken({ actor: user, input: { name: `t${i}` } })));
    await expect(createApiToken({ actor: user, input: { name: "one more" } })).rejects.toMatchObject({ code: "CONFLICT" });
    const [first] = await listApiTokens({ actor: user });
    await revokeApiToken({ actor: user, tokenId: first!.id });
    await createApiToken({ actor: user, input: { name: "one more" } });
  });
});
