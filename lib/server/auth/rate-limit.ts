import "server-only";
import { db } from "@/lib/db";
import { newId } from "@/lib/server/new-id";

/** At most `max` requests per `window` seconds. */
export interface RateRule {
  window: number;
  max: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfter: number };

/**
 * Counts one request against `key` in better-auth's `rateLimit` table (shared by every
 * instance) and says whether it is within `rule`. A fixed window that starts with the first
 * request; one atomic upsert, so concurrent requests cannot all slip past a stale count.
 * `retryAfter` is whole seconds until the window ends.
 *
 * Keys are prefixed `glossa:` so they never meet better-auth's own (`ip|path`); its pruning of
 * rows older than its longest window (60 s) is harmless as long as `rule.window` is at most that.
 */
export async function consumeRateLimit(key: string, rule: RateRule, now = Date.now()): Promise<RateDecision> {
  const windowMs = rule.window * 1000;
  const rows = await db().$queryRaw<{ count: number; windowStart: bigint }[]>`
    INSERT INTO "rateLimit" ("id", "key", "count", "lastRequest") VALUES (${newId()}, ${key}, 1, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "rateLimit"."lastRequest" <= ${now - windowMs} THEN 1 ELSE "rateLimit"."count" + 1 END,
      "lastRequest" = CASE WHEN "rateLimit"."lastRequest" <= ${now - windowMs} THEN ${now} ELSE "rateLimit"."lastRequest" END
    RETURNING "count", "lastRequest" AS "windowStart"`;
  const row = rows[0]!;
  if (row.count <= rule.max) return { allowed: true };
  return { allowed: false, retryAfter: Math.max(1, Math.ceil((Number(row.windowStart) + windowMs - now) / 1000)) };
}

/** Forgets `key`'s count (e.g. an account's failed sign-ins once the right password is given). */
export async function resetRateLimit(key: string): Promise<void> {
  await db().$executeRaw`DELETE FROM "rateLimit" WHERE "key" = ${key}`;
}
