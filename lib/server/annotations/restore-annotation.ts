import "server-only";
import type { AnnotationDTO } from "@/lib/annotations/types";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/permissions";
import { annotationSelect, toAnnotationDTO } from "@/lib/server/annotations/annotation-dto";
import { findAnnotationForWrite } from "@/lib/server/annotations/find-annotation-for-write";
import { AppError } from "@/lib/server/errors";
import { audienceOf, publishEvent } from "@/lib/server/live/publish-event";

/** Undoes a delete. */
export async function restoreAnnotation({ actor, annotationId }: { actor: Actor | null; annotationId: string }): Promise<AnnotationDTO> {
  return db().$transaction(async (tx) => {
    const current = await findAnnotationForWrite(tx, actor, annotationId, { includeDeleted: true });
    if (!current.deletedAt) throw new AppError("CONFLICT", "This annotation is not deleted.");
    const row = await tx.annotation.update({
      where: { id: annotationId },
      data: { deletedAt: null, version: { increment: 1 } },
      select: annotationSelect,
    });
    const annotation = toAnnotationDTO(row);
    await publishEvent(tx, annotation.articleId, { type: "annotation.upserted", annotation }, audienceOf(annotation.visibility, annotation.author.id));
    return annotation;
  });
}
