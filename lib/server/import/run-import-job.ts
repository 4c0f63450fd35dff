import "server-only";
import { randomUUID } from "node:crypto";
import os from "node:os";
import { ImportError, slugify } from "@/lib/importing";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { importConfig } from "@/lib/import-config";
import { importArticle } from "@/lib/server/articles/import-article";
import { AppError } from "@/lib/server/errors";
import { unpackArticle, type StoredArticle } from "@/lib/server/import/bulk-article";
import { MAX_STORED_ERRORS, STALE_AFTER_MS, type BulkLineError } from "@/lib/server/import/import-job-dto";
import { findStoredMatches } from "@/lib/server/import/find-stored-matches";
import { readChunks } from "@/lib/server/import/import-job-chunks";
import { readItems, recordFailure } from "@/lib/server/import/import-job-items";
import { insertNewArticles, reserveSlugs } from "@/lib/server/import/insert-new-article";
import { withSourceUrlsLocked } from "@/lib/server/import/lock-source-urls";
import { isTransientDatabaseError, retryTransient } from "@/lib/server/import/retry-transient";

// Kept on globalThis: Next.js may load this module more than once in one process (pages and
// route handlers), and the process must still be one worker that never runs a job twice.
const shared = globalThis as unknown as { glossaImportWorker?: { id: string; active: Set<string> } };
shared.glossaImportWorker ??= { id: `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`, active: new Set() };
/** This process, as the owner of the jobs it runs. */
const WORKER_ID = shared.glossaImportWorker.id;
/** Jobs this process is running right now. */
const active = shared.glossaImportWorker.active;
const HEARTBEAT_MS = 5_000;
/*
 * New articles per INSERT statement (and transaction). Measured with `npm run bench import`:
 * one statement per article spent most of the import in PostgreSQL's per-statement work; 25
 * keeps a statement's parameters around 100 KB and still lets a chunk's batches overlap
 * (Node lemmatises one while PostgreSQL writes another).
 */
const BATCH_ARTICLES = 25;
/*
 * Stored chunks (at most 100 articles or 512 KB each, create-import-job.ts) imported as one
 * stretch: up to 1,000 articles share the per-stretch work (reading, the lookups of stored
 * hashes, URLs and slugs, the URL locks, the recorded lines, the job's counters), and the
 * insert batches keep every connection busy until the stretch's last few. With one chunk at a
 * time each stretch ended with a single batch in flight while the others waited, and its seven
 * round trips ran with PostgreSQL or Node idle: measured with `npm run bench import`.
 */
const STRETCH_CHUNKS = 10;

/**
 * Takes ownership of a RUNNING job that nobody owns (just started) or whose owner has been
 * silent for STALE_AFTER_MS (its instance died). One UPDATE, so two instances cannot both win.
 */
async function claim(jobId: string): Promise<boolean> {
  const { count } = await db().importJob.updateMany({
    where: { id: jobId, status: "RUNNING", OR: [{ workerId: null }, { heartbeatAt: { lt: new Date(Date.now() - STALE_AFTER_MS) } }, { heartbeatAt: null }] },
    data: { workerId: WORKER_ID, heartbeatAt: new Date() },
  });
  return count === 1;
}

interface ChunkOutcome {
  created: number;
  revised: number;
  unchanged: number;
  failed: number;
  errors: BulkLineError[];
}

function describeFailure(error: unknown): string {
  if (error instanceof ImportError) return error.message.replace(/^Line \d+: /, "");
  if (error instanceof AppError) return error.message;
  return "it could not be saved (database error); nothing of it was written.";
}

function isUniqueViolation(error: unknown): boolean {
  const code = typeof error === "object" && error !== null && "code" in error ? String((error as { code: unknown }).code) : "";
  return code === "P2002" || code === "23505" || /unique constraint/i.test(String((error as Error)?.message ?? ""));
}

/**
 * Runs `work` over `items` with at most `concurrency` at a time. A failure stops each runner
 * from taking more, and is thrown once all have stopped: nothing keeps writing after the caller
 * moved on (released the URL locks, paused the job).
 */
async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const runners = await Promise.allSettled(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      for (let index = next++; index < items.length && !failed; index = next++) {
        try {
          await work(items[index]!);
        } catch (error) {
          failed = true;
          throw error;
        }
      }
    }),
  );
  const rejected = runners.find((runner) => runner.status === "rejected");
  if (rejected) throw rejected.reason;
}

/**
 * Imports a stretch of stored chunks (STRETCH_CHUNKS, joined). Every transaction that writes an article also records its line's
 * outcome (ImportJobItem): lines an earlier run already did (it crashed mid-chunk) are skipped,
 * and the chunk's counts are read from those records, so a resumed chunk counts each line once.
 * Articles that are plainly new (no stored article has their content or source URL, checked
 * for the whole chunk in two queries) take the fast path: INSERT statements of up to
 * BATCH_ARTICLES articles with their paragraphs, each all or nothing. The rest (a source URL
 * already stored, so a new revision; or anything the fast path refuses, which then goes line by
 * line) go through importArticle, one transaction each, which locks, re-anchors and decides. A transient
 * database error is retried with backoff; if it persists, the chunk stops (nothing is marked
 * failed) and the job is left to be resumed.
 */
async function processChunk(jobId: string, chunk: { lines: number[]; items: string[] }, format: string, concurrency: number): Promise<ChunkOutcome> {
  const label = format === "jsonl" ? "Line" : "Item at line";
  const fail = async (line: number, error: unknown) => {
    if (isTransientDatabaseError(error)) throw error;
    if (!(error instanceof ImportError) && !(error instanceof AppError)) console.error(`Import of line ${line} failed`, error);
    await retryTransient(() => recordFailure({ jobId, line }, `${label} ${line}: ${describeFailure(error)}`));
  };

  const done = new Set((await retryTransient(() => readItems(jobId, chunk.lines))).map((item) => item.line));
  const articles: (StoredArticle & { line: number })[] = [];
  for (const [index, text] of chunk.items.entries()) {
    const line = chunk.lines[index]!;
    if (done.has(line)) continue;
    try {
      articles.push({ ...unpackArticle(text), line });
    } catch (error) {
      await fail(line, error);
    }
  }

  const urls = [...new Set(articles.map((article) => article.parsed.metadata.sourceUrl).filter((url): url is string => Boolean(url)))];
  const hashes = [...new Set(articles.map((article) => article.hash))];
  const { hashes: storedHashes, sourceUrls: storedUrls } = await retryTransient(() => findStoredMatches(hashes, urls));

  // Plainly new articles first; repeats of a URL or content within the chunk come after them.
  const fast: typeof articles = [];
  const full: typeof articles = [];
  const seenUrls = new Set<string>();
  const seenHashes = new Set<string>();
  for (const article of articles) {
    const url = article.parsed.metadata.sourceUrl;
    const known = (url && (storedUrls.has(url) || seenUrls.has(url))) || storedHashes.has(article.hash) || seenHashes.has(article.hash);
    (known ? full : fast).push(article);
    if (url) seenUrls.add(url);
    seenHashes.add(article.hash);
  }

  const slugs = await retryTransient(() => reserveSlugs(fast.map((article) => ({ base: slugify(article.parsed.title), hash: article.hash }))));
  const batches: (typeof articles)[] = [];
  for (let start = 0; start < fast.length; start += BATCH_ARTICLES) batches.push(fast.slice(start, start + BATCH_ARTICLES));
  let slugIndex = 0;
  const slugged = batches.map((batch) => batch.map((article) => ({ parsed: article.parsed, hash: article.hash, slug: slugs[slugIndex++]!, item: { jobId, line: article.line }, projectId: article.projectId })));
  const fallback: typeof articles = [];
  // The insert re-checks each URL; the locks make that check hold against concurrent imports.
  await withSourceUrlsLocked(fast.flatMap((article) => article.parsed.metadata.sourceUrl ?? []), () =>
    pool(slugged, concurrency, async (batch) => {
      try {
        const { skipped } = await retryTransient(() => insertNewArticles(batch));
        for (const index of skipped) fallback.push({ parsed: batch[index]!.parsed, hash: batch[index]!.hash, line: batch[index]!.item.line, projectId: batch[index]!.projectId });
      } catch (error) {
        // A unique violation (a slug taken meanwhile, or lines recorded by an attempt whose answer
        // was lost) or a refused line: nothing of the batch was written, so each takes the full path.
        if (isTransientDatabaseError(error)) throw error;
        if (!isUniqueViolation(error)) console.error(`A batch of ${batch.length} new articles was refused; importing them one by one`, error);
        fallback.push(...batch.map(({ parsed, hash, item, projectId }) => ({ parsed, hash, line: item.line, projectId })));
      }
    }),
  );

  // In line order, one at a time: the same URL twice must become revision 2, then 3.
  for (const article of [...fallback, ...full].sort((a, b) => a.line - b.line)) {
    try {
      await retryTransient(() => importArticle({ parsed: article.parsed, target: { mode: "auto" }, item: { jobId, line: article.line }, projectId: article.projectId }));
    } catch (error) {
      await fail(article.line, error);
    }
  }

  const outcome: ChunkOutcome = { created: 0, revised: 0, unchanged: 0, failed: 0, errors: [] };
  for (const item of await retryTransient(() => readItems(jobId, chunk.lines))) {
    outcome[item.outcome]++;
    if (item.outcome === "failed") outcome.errors.push({ line: item.line, message: item.message ?? `${label} ${item.line}: it could not be imported.` });
  }
  return outcome;
}

/**
 * Runs (or resumes) a bulk import job until it is done, cancelled or taken over. Chunks are
 * processed in order, STRETCH_CHUNKS at a time; after each stretch, the counters, errors and
 * the next chunk's number are saved in one conditional UPDATE, so a job interrupted by a crash
 * resumes at the stretch it was on, skipping that stretch's lines already recorded. A heartbeat tells other instances this
 * one is alive. A database that stays unreachable (after retries) leaves the job running for
 * the next sweep (sweep-import-jobs.ts) to resume; any other error fails it.
 */
export async function runImportJob(jobId: string, { concurrency = importConfig().concurrency } = {}): Promise<void> {
  if (active.has(jobId)) return;
  active.add(jobId);
  const mine = { id: jobId, workerId: WORKER_ID, status: "RUNNING" as const };
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  try {
    if (!(await claim(jobId))) return;
    heartbeat = setInterval(() => {
      db().importJob.updateMany({ where: mine, data: { heartbeatAt: new Date() } }).catch(() => {});
    }, HEARTBEAT_MS);
    heartbeat.unref?.();

    for (;;) {
      const job = await retryTransient(() => db().importJob.findFirst({ where: mine, select: { format: true, nextChunk: true, chunkCount: true, errors: true } }));
      if (!job) return; // cancelled, or another instance took over
      if (job.nextChunk >= job.chunkCount) {
        // Done and tidied in one transaction: nobody sees a finished job whose chunks and line records are still there.
        await retryTransient(() =>
          db().$transaction(async (tx) => {
            const { count } = await tx.importJob.updateMany({ where: mine, data: { status: "DONE", finishedAt: new Date(), heartbeatAt: new Date() } });
            if (count !== 1) return;
            await tx.importJobChunk.deleteMany({ where: { jobId } });
            await tx.importJobItem.deleteMany({ where: { jobId } });
          }),
        );
        return;
      }
      const count = Math.min(STRETCH_CHUNKS, job.chunkCount - job.nextChunk);
      const chunk = await retryTransient(() => readChunks(jobId, job.nextChunk, count));
      if (!chunk) {
        // Cancelled meanwhile (its chunks are deleted), else the stored file is damaged.
        if (!(await db().importJob.findFirst({ where: mine, select: { id: true } }))) return;
        throw new Error(`${count > 1 ? `parts ${job.nextChunk + 1}–${job.nextChunk + count}` : `part ${job.nextChunk + 1}`} of the uploaded file are not all there`);
      }
      const outcome = await processChunk(jobId, chunk, job.format, concurrency);
      const stored = job.errors as unknown as BulkLineError[];
      const errors = outcome.errors.length && stored.length < MAX_STORED_ERRORS ? [...stored, ...outcome.errors].slice(0, MAX_STORED_ERRORS) : undefined;
      // Conditional on the chunk number: a retry after a lost answer must not count the stretch twice.
      await retryTransient(() =>
        db().importJob.updateMany({
          where: { ...mine, nextChunk: job.nextChunk },
          data: {
            processed: { increment: chunk.items.length + chunk.skipped },
            created: { increment: outcome.created },
            revised: { increment: outcome.revised },
            unchanged: { increment: outcome.unchanged },
            // Lines that failed validation were recorded at upload; they count as failures as the job passes them.
            failed: { increment: outcome.failed + chunk.skipped },
            errorCount: { increment: outcome.errors.length },
            ...(errors ? { errors: errors as unknown as Prisma.InputJsonValue } : {}),
            nextChunk: { increment: count },
            heartbeatAt: new Date(),
          },
        }),
      );
    }
  } catch (error) {
    if (isTransientDatabaseError(error)) {
      console.error(`Import job ${jobId} paused: the database is unreachable; it resumes once it answers again.`, error);
      // Let any instance take it at once (if the database lets us say so; else it goes stale).
      await db().importJob.updateMany({ where: mine, data: { workerId: null } }).catch(() => {});
      return;
    }
    console.error(`Import job ${jobId} stopped`, error);
    await db()
      .importJob.updateMany({
        where: mine,
        data: { status: "FAILED", finishedAt: new Date(), message: `The import stopped unexpectedly: ${error instanceof Error ? error.message : String(error)}. Articles imported so far are kept.` },
      })
      .catch(() => {});
  } finally {
    if (heartbeat) clearInterval(heartbeat);
    active.delete(jobId);
  }
}

/** Whether this process should try to resume a job (it is running here already, or not). */
export function isRunningHere(jobId: string): boolean {
  return active.has(jobId);
}
