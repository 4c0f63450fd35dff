import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/permissions";
import { notFound } from "@/lib/server/errors";
import { assertEntityTypeFits } from "@/lib/server/projects/entity-type-rules";
import { findManagedProject } from "@/lib/server/projects/find-project";
import { publishLabelsChanged } from "@/lib/server/projects/publish-labels-changed";
import type { UpdateEntityTypeInput } from "@/lib/validations/project";

/**
 * A Manager changes a type's label, key, colour, hotkey or description. Tags point at the type's
 * id, so a rename keeps every existing tag (they show the new label at once).
 */
export async function updateEntityType({ actor, projectId, typeId, changes }: { actor: Actor; projectId: string; typeId: string; changes: UpdateEntityTypeInput }) {
  return db().$transaction(async (tx) => {
    await findManagedProject(actor, { id: projectId }, tx);
    const type = await tx.entityType.findFirst({ where: { id: typeId, projectId }, select: { id: true } });
    if (!type) throw notFound("The entity type");
    await assertEntityTypeFits(tx, projectId, changes, typeId);
    const updated = await tx.entityType.update({ where: { id: typeId }, data: changes, select: { id: true, key: true, label: true, color: true, hotkey: true, description: true } });
    await publishLabelsChanged(tx, projectId);
    return updated;
  });
}
