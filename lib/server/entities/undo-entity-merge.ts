import "server-only";
import { db } from "@/lib/db";
import { isAdmin, type Actor } from "@/lib/permissions";
import { AppError, forbidden, notFound, unauthenticated } from "@/lib/server/errors";
import { mergeSnapshotSchema, publishRelinked } from "@/lib/server/entities/merge-snapshot";

/**
 * Undo a merge: the merged-away entity comes back as it was (same id, name, aliases, creator and
 * dates), the rows the merge relinked point at it again (those still on the target), and the target
 * loses the aliases the merge gave it; one transaction. Whoever merged, or an admin. Only the latest
 * merge into an entity that still stands can be undone (409 otherwise: a later merge depends on it).
 */
export async function undoEntityMerge({ actor, mergeId }: { actor: Actor | null; mergeId: string }): Promise<{ source: { id: string; name: string } }> {
  if (!actor) throw unauthenticated("undo a merge");
  return db().$transaction(
    async (tx) => {
      const merge = await tx.entityMerge.findUnique({ where: { id: mergeId }, select: { id: true, sourceId: true, targetId: true, snapshot: true, mergedById: true, mergedAt: true, undoneAt: true } });
      if (!merge) throw notFound("The merge");
      if (merge.mergedById !== actor.id && !isAdmin(actor)) throw forbidden("Only whoever merged, or an admin, can undo a merge.");
      if (merge.undoneAt) throw new AppError("CONFLICT", "This merge was already undone.");
      await tx.$queryRaw`SELECT id FROM "Entity" WHERE id = ${merge.targetId} FOR UPDATE`;
      const target = await tx.entity.findUnique({ where: { id: merge.targetId }, select: { aliases: true } });
      if (!target) throw new AppError("CONFLICT", "The entity it was merged into has since been merged away: undo that merge first.");
      const later = await tx.entityMerge.count({ where: { undoneAt: null, id: { not: merge.id }, mergedAt: { gte: merge.mergedAt }, OR: [{ targetId: merge.targetId }, { sourceId: merge.targetId }] } });
      if (later) throw new AppError("CONFLICT", "Another merge into this entity came after: undo that one first.");

      const snapshot = mergeSnapshotSchema.parse(merge.snapshot);
      const { source } = snapshot;
      const clash = await tx.entity.findFirst({ where: { typeId: source.typeId, name: source.name }, select: { id: true } });
      if (clash) throw new AppError("CONFLICT", `Another entity is now named “${source.name}”: rename or merge it first.`);
      await tx.$executeRaw`
        INSERT INTO "Entity" (id, "typeId", name, aliases, "createdById", "createdAt", "updatedAt")
        VALUES (${source.id}, ${source.typeId}, ${source.name}, ${source.aliases}::text[], ${source.createdById}, ${new Date(source.createdAt)}, ${new Date(source.updatedAt)})`;
      await tx.annotation.updateMany({ where: { id: { in: snapshot.mentionIds }, entityId: merge.targetId }, data: { entityId: source.id } });
      await tx.annotation.updateMany({ where: { id: { in: snapshot.quoteIds }, speakerId: merge.targetId }, data: { speakerId: source.id } });
      await tx.curatedAnnotation.updateMany({ where: { id: { in: snapshot.curatedMentionIds }, entityId: merge.targetId }, data: { entityId: source.id } });
      await tx.curatedAnnotation.updateMany({ where: { id: { in: snapshot.curatedQuoteIds }, speakerId: merge.targetId }, data: { speakerId: source.id } });
      const added = new Set(snapshot.addedAliases);
      const aliases = target.aliases.filter((alias) => !added.has(alias));
      // Untouched since the merge: its row is put back exactly, last change included.
      const untouched = aliases.length === snapshot.target.aliases.length && aliases.every((alias, index) => alias === snapshot.target.aliases[index]);
      if (added.size) await tx.entity.update({ where: { id: merge.targetId }, data: { aliases, ...(untouched ? { updatedAt: new Date(snapshot.target.updatedAt) } : {}) } });
      await tx.entityMerge.update({ where: { id: merge.id }, data: { undoneAt: new Date() } });
      await publishRelinked(tx, [...snapshot.mentionIds, ...snapshot.quoteIds]);
      return { source: { id: source.id, name: source.name } };
    },
    { timeout: 30_000 },
  );
}
