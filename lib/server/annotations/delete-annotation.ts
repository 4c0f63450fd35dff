import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/permissions";
import { findAnnotationForWrite } from "@/lib/server/annotations/find-annotation-for-write";
import { audienceOf, publishEvent } from "@/lib/server/live/publish-event";

/** Deletes an annotation (kept with `deletedAt`, so that Undo can restore it). */
export async function deleteAnnotation({ actor, annotationId }: { actor: Actor | null; annotationId: string }): Promise<{ id: string }> {
  return db().$transaction(async (tx) => {
    const annotation = await findAnnotationForWrite(tx, actor, annotationId);
    await tx.annotation.update({ where: { id: annotationId }, data: { deletedAt: new Date(), version: { increment: 1 } } });
    await publishEvent(tx, annotation.articleId, { type: "annotation.deleted", annotationId }, audienceOf(annotation.visibility, annotation.authorId));
    return { id: annotationId };
  });
}
