import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/permissions";
import { assertEntityTypeFits } from "@/lib/server/projects/entity-type-rules";
import { findManagedProject } from "@/lib/server/projects/find-project";
import { publishLabelsChanged } from "@/lib/server/projects/publish-labels-changed";
import type { EntityTypeInput } from "@/lib/validations/project";

/** A Manager adds an entity type to the project's label set, last in menu order. */
export async function createEntityType({ actor, projectId, input }: { actor: Actor; projectId: string; input: EntityTypeInput }) {
  return db().$transaction(async (tx) => {
    await findManagedProject(actor, { id: projectId }, tx);
    await assertEntityTypeFits(tx, projectId, input, null);
    const last = await tx.entityType.aggregate({ where: { projectId }, _max: { position: true } });
    const type = await tx.entityType.create({
      data: { ...input, projectId, position: (last._max.position ?? 0) + 1 },
      select: { id: true, key: true, label: true, color: true, hotkey: true, description: true },
    });
    await publishLabelsChanged(tx, projectId);
    return type;
  });
}
