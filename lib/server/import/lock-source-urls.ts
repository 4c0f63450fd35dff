import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { importPool } from "@/lib/server/direct-pool";
import { AppError } from "@/lib/server/errors";

/*
 * One source URL names one article. Every import that may create an article from a URL holds
 * this advisory lock (keyed by the URL, which is stored as the URL parser's `href`, so equal
 * addresses are equal strings) while it checks that no article has that URL and inserts one.
 * The single imports (in their transaction) and the bulk worker (for a chunk, in a transaction
 * held open around it) take it at transaction level.
 */
const lockKey = (parameter: string) => `hashtextextended('url:' || ${parameter}, 0)`;

/** Locks a source URL until the end of the caller's transaction (waits for another import of it). */
export async function lockSourceUrl(tx: Prisma.TransactionClient, sourceUrl: string): Promise<void> {
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${lockKey("$1")})`, sourceUrl);
}

/**
 * Claims `sourceUrl` for `articleId` (null: an article about to be created) until the end of the
 * caller's transaction: locks it, then refuses with 409 when another article already has it. Every
 * write that gives an article a source URL — a new import, a replacement, an edit of its details —
 * goes through here, so no two articles ever share one.
 */
export async function claimSourceUrl(tx: Prisma.TransactionClient, sourceUrl: string, articleId: string | null): Promise<void> {
  await lockSourceUrl(tx, sourceUrl);
  await assertSourceUrlFree(tx, sourceUrl, articleId);
}

/** The check of `claimSourceUrl`, for a caller that already holds the URL's lock in this transaction. */
export async function assertSourceUrlFree(tx: Prisma.TransactionClient, sourceUrl: string, articleId: string | null): Promise<void> {
  const other = await tx.article.findFirst({ where: { sourceUrl, ...(articleId ? { id: { not: articleId } } : {}) }, select: { title: true } });
  if (other) {
    throw new AppError("CONFLICT", `An article from this source URL already exists (“${other.title}”): import the text as its next revision instead.`);
  }
}

/**
 * Runs `work` holding the locks of every URL in `sourceUrls` (taken in one statement, in sorted
 * order, so two workers locking overlapping sets cannot deadlock), on a connection of its own
 * that is released afterwards. A statement `work` runs on another connection starts after the
 * locks are taken, so it sees every article another import of those URLs committed.
 *
 * The locks are transaction-level, held by a transaction that stays open around `work`: behind a
 * transaction-pooling PgBouncer a session-level lock would stay on whichever server connection
 * took it (and an unlock could reach another), while an open transaction keeps its one.
 */
export async function withSourceUrlsLocked<T>(sourceUrls: string[], work: () => Promise<T>): Promise<T> {
  if (sourceUrls.length === 0) return work();
  const client = await importPool().connect();
  let broken = false;
  try {
    await client.query("BEGIN");
    await client.query(`SELECT pg_advisory_xact_lock(${lockKey('"url"')}) FROM (SELECT DISTINCT unnest($1::text[]) AS "url" ORDER BY 1) AS "urls"`, [sourceUrls]);
    return await work();
  } catch (error) {
    broken = true;
    throw error;
  } finally {
    // Ending the transaction releases the locks; a connection where that failed is discarded.
    await client.query("ROLLBACK").catch(() => (broken = true));
    client.release(broken);
  }
}
