import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { runEvery } from "@/lib/server/background/run-every";
import { recordQuoteSuggestions } from "@/lib/server/quotes/record-quote-suggestions";

/** Articles read per transaction: a bulk job's 10,000 articles are ~100 short transactions. */
const BATCH = 100;
const POLL_MS = 2_000;

/**
 * Queues an article for the quote finder, in the caller's transaction (a bulk import's line):
 * the background finder reads it within seconds, so its quote suggestions are ready when someone
 * opens it, without slowing the import down.
 */
export async function enqueueQuoteFinder(tx: Prisma.TransactionClient, articleId: string): Promise<void> {
  await tx.$executeRaw`INSERT INTO "QuoteFinderQueue" ("articleId") VALUES (${articleId}) ON CONFLICT ("articleId") DO NOTHING`;
}

/**
 * Runs the quote finder on every queued article, a batch per transaction: the batch leaves the
 * queue in the transaction that records its suggestions, so a crash loses none. Several instances
 * share the queue (SKIP LOCKED). Returns how many articles were read.
 */
export async function drainQuoteFinderQueue(): Promise<number> {
  let done = 0;
  for (;;) {
    const taken = await db().$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ articleId: string }[]>`
        DELETE FROM "QuoteFinderQueue" WHERE "articleId" IN (
          SELECT "articleId" FROM "QuoteFinderQueue" ORDER BY "queuedAt" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED
        ) RETURNING "articleId"`;
      await recordQuoteSuggestions(
        tx,
        rows.map((row) => row.articleId),
      );
      return rows.length;
    });
    done += taken;
    if (taken < BATCH) return done;
  }
}

/** Starts this instance's background quote finder (once per process): it drains the queue every two seconds. */
export function startQuoteFinder(): () => void {
  return runEvery("Quote finder", POLL_MS, drainQuoteFinderQueue);
}
