import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/permissions";
import { AppError, notFound } from "@/lib/server/errors";
import { assertCanImport } from "@/lib/server/import/assert-can-import";

/**
 * The admin's "Import" on a previewed bulk file: READY → RUNNING. The caller then starts the
 * worker (runImportJob) after responding; any instance may pick the job up later.
 */
export async function startImportJob({ actor, jobId }: { actor: Actor | null; jobId: string }): Promise<{ id: string }> {
  assertCanImport(actor);
  const { count } = await db().importJob.updateMany({
    where: { id: jobId, status: "READY", valid: { gt: 0 } },
    data: { status: "RUNNING", startedAt: new Date(), workerId: null, heartbeatAt: new Date() },
  });
  if (count === 1) return { id: jobId };
  const job = await db().importJob.findUnique({ where: { id: jobId }, select: { status: true, valid: true } });
  if (!job) throw notFound("The import");
  if (job.status === "READY") throw new AppError("UNPROCESSABLE", "No line of this file can be imported.");
  const state = { UPLOADING: "is still being uploaded", RUNNING: "is already running", DONE: "has already finished", FAILED: "failed", CANCELLED: "was cancelled" }[job.status];
  throw new AppError("CONFLICT", `This import ${state}.`);
}
