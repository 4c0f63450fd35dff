import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/permissions";
import { AppError, notFound } from "@/lib/server/errors";
import { findManagedProject } from "@/lib/server/projects/find-project";
import { publishLabelsChanged } from "@/lib/server/projects/publish-labels-changed";

/**
 * A Manager deletes an entity type. A type in use (tags, or entities of that type) needs `moveTo`,
 * another type of the project: its tags and entities move there, all in one transaction, so no tag
 * is ever left without a type. An entity whose name the target type already has merges into that
 * one (its mentions and quotes follow), as one person is one entity.
 */
export async function deleteEntityType({ actor, projectId, typeId, moveTo }: { actor: Actor; projectId: string; typeId: string; moveTo?: string }) {
  return db().$transaction(async (tx) => {
    await findManagedProject(actor, { id: projectId }, tx);
    const type = await tx.entityType.findFirst({ where: { id: typeId, projectId }, select: { id: true, label: true, _count: { select: { annotations: true, entities: true } } } });
    if (!type) throw notFound("The entity type");
    const inUse = type._count.annotations + type._count.entities > 0;
    if (inUse && !moveTo) {
      throw new AppError("CONFLICT", `${type.label} is used by ${type._count.annotations} tag${type._count.annotations === 1 ? "" : "s"}: choose the type to move them to.`, {
        tags: type._count.annotations,
      });
    }
    let moved = 0;
    if (inUse && moveTo) {
      if (moveTo === typeId) throw new AppError("INVALID_INPUT", "Move the tags to another type than the one deleted.");
      const target = await tx.entityType.findFirst({ where: { id: moveTo, projectId }, select: { id: true } });
      if (!target) throw notFound("The type to move the tags to");
      await moveEntities(tx, typeId, target.id);
      moved = (await tx.annotation.updateMany({ where: { entityTypeId: typeId }, data: { entityTypeId: target.id } })).count;
    }
    await tx.entityType.delete({ where: { id: typeId } });
    await publishLabelsChanged(tx, projectId);
    return { deleted: typeId, moved };
  });
}

async function moveEntities(tx: Prisma.TransactionClient, fromTypeId: string, toTypeId: string): Promise<void> {
  const entities = await tx.entity.findMany({ where: { typeId: fromTypeId }, select: { id: true, name: true } });
  const namesakes = new Map(
    (await tx.entity.findMany({ where: { typeId: toTypeId, name: { in: entities.map((entity) => entity.name) } }, select: { id: true, name: true } })).map((entity) => [entity.name, entity.id]),
  );
  for (const entity of entities) {
    const into = namesakes.get(entity.name);
    if (!into) continue;
    await tx.annotation.updateMany({ where: { entityId: entity.id }, data: { entityId: into } });
    await tx.annotation.updateMany({ where: { speakerId: entity.id }, data: { speakerId: into } });
    await tx.entity.delete({ where: { id: entity.id } });
  }
  await tx.entity.updateMany({ where: { typeId: fromTypeId }, data: { typeId: toTypeId } });
}
