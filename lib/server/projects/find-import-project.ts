import "server-only";
import { db } from "@/lib/db";
import { canWrite, type Actor } from "@/lib/permissions";
import { projectFacts, projectFactsSelect, readableProjectWhere } from "@/lib/permissions/where";
import { AppError } from "@/lib/server/errors";
import { findProject } from "@/lib/server/projects/find-project";

/**
 * The project an import goes into, checked: one the importer may add articles to (an admin: any).
 * An unknown project, or one they may not see, is a 400 naming the field rather than a 404 of the
 * import itself. Returns its id.
 */
export async function findImportProject(actor: Actor, projectId: string): Promise<string> {
  const project = await findProject(actor, { id: projectId }).catch(() => null);
  if (!project || !canWrite(actor, { type: "project-articles", project: project.facts })) {
    throw new AppError("INVALID_INPUT", "There is no such project to import into.", { field: "project" });
  }
  return project.id;
}

/** What a bulk line's `project` names: a project the importer may import into, or why not. */
export type ProjectReference = { ok: true; id: string } | { ok: false; message: string };

/**
 * The project a bulk line names by `reference`: its slug, else its name (any letter case), among
 * the projects the importer may read; checked like findImportProject. A project they may not read,
 * may not import into, or that does not exist gets one answer (a Closed project is never hinted
 * at); a name two projects share asks for the slug. The message completes "Line N: ".
 */
export async function findImportProjectByReference(actor: Actor, reference: string): Promise<ProjectReference> {
  const rows = await db().project.findMany({
    where: { AND: [readableProjectWhere(actor), { OR: [{ slug: reference }, { name: { equals: reference, mode: "insensitive" } }] }] },
    orderBy: { slug: "asc" },
    select: { id: true, slug: true, ...projectFactsSelect(actor) },
    take: 5,
  });
  const bySlug = rows.find((row) => row.slug === reference);
  if (!bySlug && rows.length > 1) return { ok: false, message: `the project "${reference}" is the name of ${rows.length} projects: give its slug instead (${rows.map((row) => row.slug).join(", ")}).` };
  const row = bySlug ?? rows[0];
  if (!row || !canWrite(actor, { type: "project-articles", project: projectFacts(row) })) return { ok: false, message: `there is no project "${reference}" you may import into (give a project's slug or name).` };
  return { ok: true, id: row.id };
}
