import "server-only";
import { db } from "@/lib/db";
import { canMergeEntities, type Actor } from "@/lib/permissions";
import { AppError, forbidden, unauthenticated } from "@/lib/server/errors";
import { mergeEntitiesSchema, publishRelinked, type MergeSnapshot } from "@/lib/server/entities/merge-snapshot";
import { loadMentionTarget } from "@/lib/server/mentions/load-mention-target";

export interface MergeResult {
  mergeId: string;
  target: { id: string; name: string };
  /** How many mentions and quotes now point at the target. */
  relinked: number;
}

/**
 * Merge entities: the entity `sourceId` (Путин) and `targetId` (Владимир Путин) are one, so every
 * mention and quote of the source (and its curated copies) is relinked to the target, the target's
 * aliases gain the source's names, and the source goes; one transaction, recorded (EntityMerge) so
 * that {@link undoEntityMerge} restores the state before it. Both must be entities the actor may
 * know of (404 alike otherwise), of one type (422); who may merge: canMergeEntities.
 */
export async function mergeEntities({ actor, sourceId, input }: { actor: Actor | null; sourceId: string; input: unknown }): Promise<MergeResult> {
  const { targetId } = mergeEntitiesSchema.parse(input);
  if (!actor) throw unauthenticated("merge entities");
  if (sourceId === targetId) throw new AppError("UNPROCESSABLE", "An entity cannot be merged into itself.");
  return db().$transaction(
    async (tx) => {
      // Locked in one order, so two merges of the same pair cannot deadlock or both go through.
      await tx.$queryRaw`SELECT id FROM "Entity" WHERE id IN (${sourceId}, ${targetId}) ORDER BY id FOR UPDATE`;
      const source = await loadMentionTarget(tx, actor, sourceId);
      const target = await loadMentionTarget(tx, actor, targetId);
      // One type is one key: an entity is shared by the projects whose label sets have it (same-key-entity.ts).
      if (source.typeKey !== target.typeKey) throw new AppError("UNPROCESSABLE", "Only entities of one type can be merged: change the tags' type first.");

      const [mentions, quotes, curatedMentions, curatedQuotes, row] = await Promise.all([
        tx.annotation.findMany({ where: { entityId: sourceId }, select: { id: true, authorId: true, deletedAt: true } }),
        tx.annotation.findMany({ where: { speakerId: sourceId }, select: { id: true, authorId: true, deletedAt: true } }),
        tx.curatedAnnotation.findMany({ where: { entityId: sourceId }, select: { id: true } }),
        tx.curatedAnnotation.findMany({ where: { speakerId: sourceId }, select: { id: true } }),
        tx.entity.findUniqueOrThrow({ where: { id: sourceId }, select: { id: true, typeId: true, name: true, aliases: true, createdById: true, createdAt: true, updatedAt: true } }),
      ]);
      const workAuthorIds = [...mentions, ...quotes].filter((work) => !work.deletedAt).map((work) => work.authorId);
      if (!canMergeEntities(actor, { workAuthorIds })) throw forbidden("Only admins can merge an entity that others have tagged or quoted.");

      const targetRow = await tx.entity.findUniqueOrThrow({ where: { id: targetId }, select: { name: true, aliases: true, updatedAt: true } });
      // The source's name joins the aliases only when someone may read a shared mention of it by that
      // name's owner; its aliases came from shared tags already (private words never become one).
      const shared = await tx.annotation.count({ where: { entityId: sourceId, visibility: "SHARED", deletedAt: null } });
      const known = new Set([targetRow.name, ...targetRow.aliases].map((name) => name.toLowerCase()));
      const addedAliases: string[] = [];
      for (const name of [...(shared ? [row.name] : []), ...row.aliases]) {
        if (known.has(name.toLowerCase())) continue;
        known.add(name.toLowerCase());
        addedAliases.push(name);
      }

      const snapshot: MergeSnapshot = {
        source: { ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() },
        addedAliases,
        target: { aliases: targetRow.aliases, updatedAt: targetRow.updatedAt.toISOString() },
        mentionIds: mentions.map((mention) => mention.id),
        quoteIds: quotes.map((quote) => quote.id),
        curatedMentionIds: curatedMentions.map((curated) => curated.id),
        curatedQuoteIds: curatedQuotes.map((curated) => curated.id),
      };
      await tx.annotation.updateMany({ where: { entityId: sourceId }, data: { entityId: targetId } });
      await tx.annotation.updateMany({ where: { speakerId: sourceId }, data: { speakerId: targetId } });
      await tx.curatedAnnotation.updateMany({ where: { entityId: sourceId }, data: { entityId: targetId } });
      await tx.curatedAnnotation.updateMany({ where: { speakerId: sourceId }, data: { speakerId: targetId } });
      if (addedAliases.length) await tx.entity.update({ where: { id: targetId }, data: { aliases: { push: addedAliases } } });
      await tx.entity.delete({ where: { id: sourceId } });
      const merge = await tx.entityMerge.create({ data: { sourceId, targetId, snapshot, mergedById: actor.id }, select: { id: true } });
      await publishRelinked(tx, [...snapshot.mentionIds, ...snapshot.quoteIds]);
      return { mergeId: merge.id, target: { id: target.id, name: target.name }, relinked: snapshot.mentionIds.length + snapshot.quoteIds.length };
    },
    { timeout: 30_000 },
  );
}
