import "server-only";
import { db } from "@/lib/db";
import { STALE_AFTER_MS, UPLOAD_IDLE_MS } from "@/lib/server/import/import-job-dto";
import { runImportJob } from "@/lib/server/import/run-import-job";

const SWEEP_EVERY_MS = 10_000;

/**
 * Housekeeping for bulk imports after a crash, on every instance (started by instrumentation.ts
 * when the server starts, then every 10 seconds):
 * - an upload that stored nothing for UPLOAD_IDLE_MS was cut short (its request or instance
 *   died): it becomes FAILED with a message and its stored chunks are deleted;
 * - a running job without a live worker (none yet, released after a database outage, or silent
 *   for STALE_AFTER_MS because its instance died) is resumed here. runImportJob's claim is one
 *   conditional UPDATE, so with several instances sweeping, exactly one takes each job.
 * Returns what it did, for tests and logs.
 */
export async function sweepImportJobs({ now = new Date() }: { now?: Date } = {}): Promise<{ expired: string[]; resumed: string[] }> {
  const idleSince = new Date(now.getTime() - UPLOAD_IDLE_MS);
  const abandoned = await db().importJob.findMany({ where: { status: "UPLOADING", updatedAt: { lt: idleSince } }, select: { id: true } });
  const expired: string[] = [];
  for (const { id } of abandoned) {
    const { count } = await db().importJob.updateMany({
      where: { id, status: "UPLOADING", updatedAt: { lt: idleSince } },
      data: { status: "FAILED", finishedAt: now, message: `The upload stopped before the whole file arrived (nothing was received for ${UPLOAD_IDLE_MS / 60_000} minutes). Upload the file again.` },
    });
    if (count === 1) {
      await db().importJobChunk.deleteMany({ where: { jobId: id } });
      expired.push(id);
    }
  }

  const orphaned = await db().importJob.findMany({
    where: { status: "RUNNING", OR: [{ workerId: null }, { heartbeatAt: null }, { heartbeatAt: { lt: new Date(now.getTime() - STALE_AFTER_MS) } }] },
    select: { id: true },
  });
  // Not awaited: a job runs for as long as it takes; the claim inside decides who runs it.
  for (const { id } of orphaned) void runImportJob(id);
  return { expired, resumed: orphaned.map((job) => job.id) };
}

const shared = globalThis as unknown as { glossaImportSweeper?: ReturnType<typeof setInterval> };

/** Sweeps now and every 10 seconds for the life of the process (once per process). */
export function startImportJobSweeper(): void {
  if (shared.glossaImportSweeper) return;
  const sweep = () =>
    sweepImportJobs().then(
      ({ expired, resumed }) => {
        if (expired.length) console.log(`[glossa] Failed ${expired.length} upload(s) cut short: ${expired.join(", ")}`);
        if (resumed.length) console.log(`[glossa] Resuming bulk import(s) ${resumed.join(", ")}`);
      },
      // The database may be restarting: the next sweep tries again. A refused connection is an
      // AggregateError with an empty message: then the error itself says what happened.
      (error: unknown) => console.error("[glossa] Import sweep failed:", error instanceof Error && error.message ? error.message : error),
    );
  shared.glossaImportSweeper = setInterval(sweep, SWEEP_EVERY_MS);
  shared.glossaImportSweeper.unref?.();
  void sweep();
}
