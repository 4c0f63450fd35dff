import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/permissions";
import { assertCanImport } from "@/lib/server/import/assert-can-import";
import { importJobSelect, isStale, toImportJobDTO, type ImportJobDTO } from "@/lib/server/import/import-job-dto";

/** The most recent bulk imports (every admin's), newest first; `resume` lists running ones without a live worker. */
export async function listImportJobs({ actor, take = 10 }: { actor: Actor | null; take?: number }): Promise<{ jobs: ImportJobDTO[]; resume: string[] }> {
  assertCanImport(actor);
  const rows = await db().importJob.findMany({ orderBy: { createdAt: "desc" }, take, select: importJobSelect });
  const authors = await db().user.findMany({ where: { id: { in: [...new Set(rows.map((row) => row.createdById))] } }, select: { id: true, name: true } });
  const names = new Map(authors.map((author) => [author.id, author.name]));
  return {
    jobs: rows.map((row) => toImportJobDTO(row, names.get(row.createdById) ?? null)),
    resume: rows.filter(isStale).map((row) => row.id),
  };
}
