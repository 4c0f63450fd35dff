import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/permissions";
import { findManagedProject } from "@/lib/server/projects/find-project";
import { publishLabelsChanged } from "@/lib/server/projects/publish-labels-changed";
import type { UpdateProjectInput } from "@/lib/validations/project";

/** A Manager changes the project's name, description, guidelines, access or colour names. */
export async function updateProject({ actor, projectId, changes }: { actor: Actor; projectId: string; changes: UpdateProjectInput }) {
  return db().$transaction(async (tx) => {
    await findManagedProject(actor, { id: projectId }, tx);
    const colorNames = changes.colorNames && Object.fromEntries(Object.entries(changes.colorNames).filter(([, name]) => name));
    const project = await tx.project.update({
      where: { id: projectId },
      data: { ...changes, ...(colorNames ? { colorNames } : {}) },
      select: { id: true, name: true, slug: true, description: true, guidelines: true, access: true, colorNames: true },
    });
    // The highlight colours' names are part of the label set readers see.
    if (changes.colorNames) await publishLabelsChanged(tx, projectId);
    return project;
  });
}
