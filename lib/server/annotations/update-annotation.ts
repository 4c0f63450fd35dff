import "server-only";
import { refusedUpdateFields } from "@/lib/annotations/kinds";
import type { AnnotationDTO } from "@/lib/annotations/types";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/permissions";
import { annotationSelect, toAnnotationDTO } from "@/lib/server/annotations/annotation-dto";
import { findAnnotationForWrite } from "@/lib/server/annotations/find-annotation-for-write";
import { kindColumnsForUpdate } from "@/lib/server/annotations/kind-writes";
import { inLayerLabelSet } from "@/lib/server/projects/in-layer-label-set";
import { shareMentionName } from "@/lib/server/entities/link-entity";
import { AppError, unauthenticated } from "@/lib/server/errors";
import { audienceOf, publishEvent } from "@/lib/server/live/publish-event";
import { privatiseNotes } from "@/lib/server/notes/privatise-notes";
import { updateAnnotationSchema } from "@/lib/validations/annotation";

/**
 * Changes a highlight's colour, an entity tag's type or entity, or the
 * visibility. `version` must be the one the client saw: a concurrent change
 * answers 409 with the current annotation instead of being overwritten.
 * Made private, its notes (everyone's) go private with it, in the same transaction.
 */
export async function updateAnnotation({ actor, annotationId, input }: { actor: Actor | null; annotationId: string; input: unknown }): Promise<AnnotationDTO> {
  const data = updateAnnotationSchema.parse(input);
  if (!actor) throw unauthenticated("change annotations");
  return db().$transaction(async (tx) => {
    const current = await findAnnotationForWrite(tx, actor, annotationId);
    const refused = refusedUpdateFields(current.kind, data);
    if (refused) throw new AppError("UNPROCESSABLE", refused.message);
    // A new entity type is the layer's own (one named by another label set's id maps by key).
    const columns = await kindColumnsForUpdate(tx, { actor, current, input: await inLayerLabelSet(tx, current.kind, data, current.projectId) });

    const { count } = await tx.annotation.updateMany({
      where: { id: annotationId, version: data.version },
      data: { ...columns, visibility: data.visibility, version: { increment: 1 } },
    });
    const row = await tx.annotation.findUniqueOrThrow({ where: { id: annotationId }, select: annotationSelect });
    if (count === 0) {
      throw new AppError("CONFLICT", "Someone changed this annotation meanwhile. Review the current version and apply your change again.", {
        current: toAnnotationDTO(row),
      });
    }
    const annotation = toAnnotationDTO(row);
    if (current.visibility === "SHARED" && annotation.visibility === "PRIVATE") {
      // Made private: everyone else must drop it, and its notes go private with it.
      await publishEvent(tx, annotation.articleId, { type: "annotation.deleted", annotationId }, null);
      await privatiseNotes(tx, { where: { annotationId }, ownerId: annotation.author.id });
    }
    if (current.visibility === "PRIVATE" && annotation.visibility === "SHARED" && annotation.entity) {
      // Made shared: its words are now one of the entity's published names.
      await shareMentionName(tx, { entityId: annotation.entity.id, mention: current.exact });
    }
    await publishEvent(tx, annotation.articleId, { type: "annotation.upserted", annotation }, audienceOf(annotation.visibility, annotation.author.id));
    return annotation;
  });
}
