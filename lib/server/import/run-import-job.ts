import "server-only";
import { randomUUID } from "node:crypto";
import os from "node:os";
import { ImportError, parseJsonLine } from "@/lib/importing";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { importConfig, importLimits } from "@/lib/import-config";
import { importArticle } from "@/lib/server/articles/import-article";
import { AppError } from "@/lib/server/errors";
import { MAX_STORED_ERRORS, STALE_AFTER_MS, type BulkLineError } from "@/lib/server/import/import-job-dto";

/** This process, as the owner of the jobs it runs. */
const WORKER_ID = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
const HEARTBEAT_MS = 5_000;

// Jobs this process is running right now, so one process never runs a job twice.
const active = ((globalThis as unknown as { glossaImportJobs?: Set<string> }).glossaImportJobs ??= new Set<string>());

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

/** Imports one stored chunk, each article in its own transaction, a few at a time. */
async function processChunk(chunk: { lines: number[]; items: string[] }, format: string, concurrency: number): Promise<ChunkOutcome> {
  const outcome: ChunkOutcome = { created: 0, revised: 0, unchanged: 0, failed: 0, errors: [] };
  const limits = importLimits();
  let next = 0;
  const lane = async () => {
    for (let index = next++; index < chunk.items.length; index = next++) {
      const line = chunk.lines[index]!;
      try {
        const parsed = parseJsonLine(chunk.items[index]!, line, limits);
        const result = await importArticle({ parsed, target: { mode: "auto" } });
        outcome[result.status]++;
      } catch (error) {
        outcome.failed++;
        const reason = error instanceof ImportError ? error.message.replace(/^Line \d+: /, "") : error instanceof AppError ? error.message : "it could not be saved (database error); nothing of it was written.";
        if (!(error instanceof ImportError) && !(error instanceof AppError)) console.error(`Import line ${line} failed`, error);
        outcome.errors.push({ line, message: `${format === "jsonl" ? "Line" : "Item at line"} ${line}: ${reason}` });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, chunk.items.length) }, lane));
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
      const chunk = await db().importJobChunk.findUnique({ where: { jobId_seq: { jobId, seq: job.nextChunk } }, select: { lines: true, items: true, skipped: true } });
      if (!chunk) throw new Error(`Chunk ${job.nextChunk} of import job ${jobId} is missing.`);
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
