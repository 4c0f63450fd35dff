import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { annotationSelect, toAnnotationDTO } from "@/lib/server/annotations/annotation-dto";
import { audienceOf, publishEvent } from "@/lib/server/live/publish-event";

/**
 * What a merge stores so that Undo restores the state before it exactly: the merged-away entity's
 * row as it was, the aliases the merge added to the target (Undo takes only those away, keeping any
 * a tag added since), and the ids of the rows it relinked from the source to the target.
 */
export const mergeSnapshotSchema = z.object({
  source: z.object({
    id: z.string(),
    typeId: z.string(),
    name: z.string(),
    aliases: z.array(z.string()),
    createdById: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
  addedAliases: z.array(z.string()),
  /** The target's aliases and last change before the merge: Undo puts its date back when nothing else changed since. */
  target: z.object({ aliases: z.array(z.string()), updatedAt: z.string() }),
  mentionIds: z.array(z.string()),
  quoteIds: z.array(z.string()),
  curatedMentionIds: z.array(z.string()),
  curatedQuoteIds: z.array(z.string()),
});
export type MergeSnapshot = z.infer<typeof mergeSnapshotSchema>;

/** The merge request: which entity the page's entity merges into. */
export const mergeEntitiesSchema = z.object({ targetId: z.string().trim().min(1, "is required").max(64, "is not a valid id") }).strict();

/**
 * Tells everyone reading the articles of relinked annotations (live), in the caller's transaction:
 * their entity or speaker label changed. Deleted ones are nobody's to see.
 */
export async function publishRelinked(tx: Prisma.TransactionClient, ids: readonly string[]): Promise<void> {
  if (!ids.length) return;
  const rows = await tx.annotation.findMany({ where: { id: { in: [...ids] }, deletedAt: null }, select: annotationSelect });
  for (const row of rows) {
    const annotation = toAnnotationDTO(row);
    await publishEvent(tx, annotation.articleId, { type: "annotation.upserted", annotation }, audienceOf(annotation.visibility, annotation.author.id));
  }
}
