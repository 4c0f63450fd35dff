import "server-only";
import { canWrite, type Actor } from "@/lib/permissions";
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
