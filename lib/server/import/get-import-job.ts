import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/permissions";
import { notFound } from "@/lib/server/errors";
import { assertCanImport } from "@/lib/server/import/assert-can-import";
import { importJobSelect, isStale, toImportJobDTO, type ImportJobDTO } from "@/lib/server/import/import-job-dto";

/**
 * One bulk import with its progress. `resume` is true when it is running without a live
 * worker (its instance stopped): the caller should start runImportJob, which claims it.
 */
export async function getImportJob({ actor, jobId }: { actor: Actor | null; jobId: string }): Promise<{ job: ImportJobDTO; resume: boolean }> {
  assertCanImport(actor);
  const row = await db().importJob.findUnique({ where: { id: jobId }, select: importJobSelect });
  if (!row) throw notFound("The import");
  const author = await db().user.findUnique({ where: { id: row.createdById }, select: { name: true } });
  return { job: toImportJobDTO(row, author?.name ?? null), resume: isStale(row) };
}
