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
import { readChunk } from "@/lib/server/import/import-job-chunks";
import { insertNewArticle, reserveSlugs } from "@/lib/server/import/insert-new-article";
import { withSourceUrlsLocked } from "@/lib/server/import/lock-source-urls";

// Kept on globalThis: Next.js may load this module more than once in one process (pages and
// route handlers), and the process must still be one worker that never runs a job twice.
const shared = globalThis as unknown as { glossaImportWorker?: { id: string; active: Set<string> } };
shared.glossaImportWorker ??= { id: `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`, active: new Set() };
/** This process, as the owner of the jobs it runs. */
const WORKER_ID = shared.glossaImportWorker.id;
/** Jobs this process is running right now. */
const active = shared.glossaImportWorker.active;
const HEARTBEAT_MS = 5_000;

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

/** Runs `work` over `items` with at most `concurrency` at a time. */
async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      for (let index = next++; index < items.length; index = next++) await work(items[index]!);
    }),
  );
}

/**
 * Imports one stored chunk, each article in its own transaction. Articles that are plainly
 * new (no stored article has their content or source URL, checked for the whole chunk in two
 * queries) take the fast path: one INSERT statement with their paragraphs. The rest (a source
 * URL already stored, so a new revision; or anything the fast path refuses) go through
 * importArticle, which locks, re-anchors and decides.
 */
async function processChunk(chunk: { lines: number[]; items: string[] }, format: string, concurrency: number): Promise<ChunkOutcome> {
  const outcome: ChunkOutcome = { created: 0, revised: 0, unchanged: 0, failed: 0, errors: [] };
  const fail = (line: number, error: unknown) => {
    outcome.failed++;
    if (!(error instanceof ImportError) && !(error instanceof AppError)) console.error(`Import of line ${line} failed`, error);
    outcome.errors.push({ line, message: `${format === "jsonl" ? "Line" : "Item at line"} ${line}: ${describeFailure(error)}` });
  };

  const articles: (StoredArticle & { line: number })[] = [];
  for (const [index, text] of chunk.items.entries()) {
    const line = chunk.lines[index]!;
    try {
      articles.push({ ...unpackArticle(text), line });
    } catch (error) {
      fail(line, error);
    }
  }

  const urls = [...new Set(articles.map((article) => article.parsed.metadata.sourceUrl).filter((url): url is string => Boolean(url)))];
  const hashes = [...new Set(articles.map((article) => article.hash))];
  const [withUrl, withHash] = await Promise.all([
    urls.length ? db().article.findMany({ where: { sourceUrl: { in: urls } }, select: { sourceUrl: true } }) : [],
    db().article.findMany({ where: { contentHash: { in: hashes } }, select: { contentHash: true } }),
  ]);
  const storedUrls = new Set(withUrl.map((row) => row.sourceUrl));
  const storedHashes = new Set(withHash.map((row) => row.contentHash));

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

  const slugs = await reserveSlugs(fast.map((article) => ({ base: slugify(article.parsed.title), hash: article.hash })));
  const fallback: typeof articles = [];
  // The insert re-checks each URL; the locks make that check hold against concurrent imports.
  await withSourceUrlsLocked(fast.flatMap((article) => article.parsed.metadata.sourceUrl ?? []), () =>
    pool(
      fast.map((article, index) => ({ article, slug: slugs[index]! })),
      concurrency,
      async ({ article, slug }) => {
        try {
          if (await insertNewArticle({ parsed: article.parsed, hash: article.hash, slug })) outcome.created++;
          else fallback.push(article);
        } catch (error) {
          if (isUniqueViolation(error)) fallback.push(article);
          else fail(article.line, error);
        }
      },
    ),
  );

  // In line order, one at a time: the same URL twice must become revision 2, then 3.
  for (const article of [...fallback, ...full].sort((a, b) => a.line - b.line)) {
    try {
      const result = await importArticle({ parsed: article.parsed, target: { mode: "auto" } });
      outcome[result.status]++;
    } catch (error) {
      fail(article.line, error);
    }
  }
  return outcome;
}

/**
 * Runs (or resumes) a bulk import job until it is done, cancelled or taken over. Chunks are
 * processed in order; after each one, the counters, errors and the next chunk's number are
 * saved in one conditional UPDATE, so a job interrupted by a crash resumes at the chunk it
 * was on (articles of that chunk already written are found again as unchanged). A heartbeat
 * tells other instances this one is alive.
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
      const job = await db().importJob.findFirst({ where: mine, select: { format: true, nextChunk: true, chunkCount: true, errors: true } });
      if (!job) return; // cancelled, or another instance took over
      if (job.nextChunk >= job.chunkCount) {
        const { count } = await db().importJob.updateMany({ where: mine, data: { status: "DONE", finishedAt: new Date(), heartbeatAt: new Date() } });
        if (count === 1) await db().importJobChunk.deleteMany({ where: { jobId } });
        return;
      }
      const chunk = await readChunk(jobId, job.nextChunk);
      if (!chunk) {
        // Cancelled meanwhile (its chunks are deleted), else the stored file is damaged.
        if (!(await db().importJob.findFirst({ where: mine, select: { id: true } }))) return;
        throw new Error(`part ${job.nextChunk + 1} of the uploaded file is missing`);
      }
      const outcome = await processChunk(chunk, job.format, concurrency);
      const stored = job.errors as unknown as BulkLineError[];
      const errors = outcome.errors.length && stored.length < MAX_STORED_ERRORS ? [...stored, ...outcome.errors].slice(0, MAX_STORED_ERRORS) : undefined;
      const { count } = await db().importJob.updateMany({
        where: mine,
        data: {
          processed: { increment: chunk.items.length + chunk.skipped },
          created: { increment: outcome.created },
          revised: { increment: outcome.revised },
          unchanged: { increment: outcome.unchanged },
          // Lines that failed validation were recorded at upload; they count as failures as the job passes them.
          failed: { increment: outcome.failed + chunk.skipped },
          errorCount: { increment: outcome.errors.length },
          ...(errors ? { errors: errors as unknown as Prisma.InputJsonValue } : {}),
          nextChunk: { increment: 1 },
          heartbeatAt: new Date(),
        },
      });
      if (count === 0) return;
    }
  } catch (error) {
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
