import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/permissions";
import { AppError, notFound } from "@/lib/server/errors";
import { assertCanImport } from "@/lib/server/import/assert-can-import";

/**
 * Discards a previewed bulk file, or stops a running import after the stretch in progress (up
 * to 1,000 articles, see run-import-job.ts; articles already imported stay). The uploaded data
 * is deleted.
 */
export async function cancelImportJob({ actor, jobId }: { actor: Actor | null; jobId: string }): Promise<{ id: string }> {
  assertCanImport(actor);
  const { count } = await db().importJob.updateMany({
    where: { id: jobId, status: { in: ["UPLOADING", "READY", "RUNNING"] } },
    data: { status: "CANCELLED", finishedAt: new Date() },
  });
  if (count === 0) {
    const job = await db().importJob.findUnique({ where: { id: jobId }, select: { status: true } });
    if (!job) throw notFound("The import");
    throw new AppError("CONFLICT", "This import has already ended.");
  }
  await db().$transaction([db().importJobChunk.deleteMany({ where: { jobId } }), db().importJobItem.deleteMany({ where: { jobId } })]);
  return { id: jobId };
}
