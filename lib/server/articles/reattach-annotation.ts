import "server-only";
import type { AnnotationDTO } from "@/lib/annotations/types";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/permissions";
import { annotationSelect, toAnnotationDTO } from "@/lib/server/annotations/annotation-dto";
import { findAnnotationForWrite } from "@/lib/server/annotations/find-annotation-for-write";
import { assertSelectorMatches, loadParagraphForWrite } from "@/lib/server/annotations/load-paragraph-for-write";
import { AppError } from "@/lib/server/errors";
import { audienceOf, publishEvent } from "@/lib/server/live/publish-event";
import { reattachAnnotationSchema } from "@/lib/validations/article";

/**
 * Puts an orphaned annotation back on the text: the reviewer selected where it belongs in the
 * current revision. The selector is checked against the stored paragraph (422 on mismatch);
 * the annotation becomes ANCHORED there, its notes follow, and readers are told live.
 * Its author or an admin only.
 */
export async function reattachAnnotation({ actor, annotationId, input }: { actor: Actor | null; annotationId: string; input: unknown }): Promise<AnnotationDTO> {
  const selector = reattachAnnotationSchema.parse(input);
  return db().$transaction(async (tx) => {
    const annotation = await findAnnotationForWrite(tx, actor, annotationId);
    const { anchorStatus } = await tx.annotation.findUniqueOrThrow({ where: { id: annotationId }, select: { anchorStatus: true } });
    if (anchorStatus !== "ORPHANED") throw new AppError("CONFLICT", "This annotation is already placed on the text: only orphaned annotations can be re-attached.");
    const paragraph = await loadParagraphForWrite(tx, annotation.articleId, selector.paragraphId);
    assertSelectorMatches(paragraph.text, selector);

    const row = await tx.annotation.update({
      where: { id: annotationId },
      data: {
        paragraphId: paragraph.id,
        start: selector.start,
        end: selector.end,
        exact: selector.exact,
        prefix: selector.prefix,
        suffix: selector.suffix,
        anchorStatus: "ANCHORED",
        dismissedAt: null,
        version: { increment: 1 },
      },
      select: annotationSelect,
    });
    await tx.note.updateMany({ where: { annotationId }, data: { paragraphId: paragraph.id } });
    const dto = toAnnotationDTO(row);
    await publishEvent(tx, annotation.articleId, { type: "annotation.upserted", annotation: dto }, audienceOf(dto.visibility, dto.author.id));
    return dto;
  });
}
