import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/permissions";
import { findAnnotationForWrite } from "@/lib/server/annotations/find-annotation-for-write";
import { AppError } from "@/lib/server/errors";
import { audienceOf, publishEvent } from "@/lib/server/live/publish-event";

/**
 * Takes an orphaned annotation off the Needs review list. Nothing is deleted: it keeps its
 * quote, notes and old paragraph, marked with `dismissedAt`. Its author or an admin only.
 */
export async function dismissAnnotation({ actor, annotationId }: { actor: Actor | null; annotationId: string }): Promise<{ id: string; dismissedAt: string }> {
  return db().$transaction(async (tx) => {
    const annotation = await findAnnotationForWrite(tx, actor, annotationId);
    const { anchorStatus, dismissedAt } = await tx.annotation.findUniqueOrThrow({ where: { id: annotationId }, select: { anchorStatus: true, dismissedAt: true } });
    if (anchorStatus !== "ORPHANED") throw new AppError("CONFLICT", "This annotation is placed on the text: only orphaned annotations can be dismissed. Delete it instead.");
    if (dismissedAt) return { id: annotationId, dismissedAt: dismissedAt.toISOString() };
    const row = await tx.annotation.update({ where: { id: annotationId }, data: { dismissedAt: new Date(), version: { increment: 1 } }, select: { dismissedAt: true } });
    await publishEvent(tx, annotation.articleId, { type: "annotation.deleted", annotationId }, audienceOf(annotation.visibility, annotation.authorId));
    return { id: annotationId, dismissedAt: row.dismissedAt!.toISOString() };
  });
}
