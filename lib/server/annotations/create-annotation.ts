import "server-only";
import { annotationDTOFromRow, kindColumnsFromInput, refsFrom, type AnnotationRow } from "@/lib/annotations/annotation-row";
import type { AnnotationDTO } from "@/lib/annotations/types";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/permissions";
import { annotationSelect, noteSelect, toAnnotationDTO, toNoteDTO } from "@/lib/server/annotations/annotation-dto";
import { insertHighlight } from "@/lib/server/annotations/insert-highlight";
import { kindColumnsForCreate } from "@/lib/server/annotations/kind-writes";
import { assertSelectorMatches, loadParagraphForHighlight, loadParagraphForWrite, loadParagraphForWriteDirect } from "@/lib/server/annotations/load-paragraph-for-write";
import { AppError, unauthenticated } from "@/lib/server/errors";
import { audienceOf, publishEvent } from "@/lib/server/live/publish-event";
import { newId } from "@/lib/server/new-id";
import { inLayerLabelSet } from "@/lib/server/projects/in-layer-label-set";
import { resolveWriteLayer } from "@/lib/server/projects/resolve-write-layer";
import { createAnnotationSchema, type CreateAnnotationInput } from "@/lib/validations/annotation";

/** Creates a highlight (optionally with a note) or an entity tag on one paragraph of an article. */
export async function createAnnotation({ actor, articleId, input }: { actor: Actor | null; articleId: string; input: unknown }): Promise<AnnotationDTO> {
  const data = createAnnotationSchema.parse(input);
  if (!actor) throw unauthenticated("annotate");
  // Whether they may annotate is their role in the layer the work goes into (resolveWriteLayer), not their site role alone.

  if (data.kind === "HIGHLIGHT" && !data.note) return createHighlight(actor, articleId, data);

  return db().$transaction((tx) => insertAnnotation(tx, { actor, articleId, data }));
}

/**
 * Stores a checked create request in the caller's transaction, with its live event (and its note's):
 * for writes that make an annotation as part of something else (accepting a suggestion). The caller
 * has checked that the actor may annotate.
 */
export async function insertAnnotation(tx: Prisma.TransactionClient, { actor, articleId, data }: { actor: Actor; articleId: string; data: CreateAnnotationInput }): Promise<AnnotationDTO> {
  const paragraph = await loadParagraphForWrite(tx, articleId, data.paragraphId);
  assertSelectorMatches(paragraph.text, data);
  // The project layer it belongs to, checked: a Closed project's article takes work from its members only.
  const projectId = await resolveWriteLayer(actor, articleId, undefined, tx);
  // Its entity type is the layer's own (one named by another label set's id maps by key).
  const columns = await kindColumnsForCreate(tx, { actor, input: await inLayerLabelSet(tx, data.kind, data, projectId) });

  const row = await tx.annotation.create({
    data: {
      articleId,
      paragraphId: paragraph.id,
      authorId: actor.id,
      kind: data.kind,
      start: data.start,
      end: data.end,
      exact: data.exact,
      prefix: data.prefix,
      suffix: data.suffix,
      ...columns,
      visibility: data.visibility,
      projectId,
    },
    select: annotationSelect,
  });
  const annotation = toAnnotationDTO(row);
  const audience = audienceOf(annotation.visibility, actor.id);
  await publishEvent(tx, articleId, { type: "annotation.upserted", annotation }, audience);
  if ("note" in data && data.note) {
    const note = await tx.note.create({
      // In its highlight's layer: a note is read where its highlight is.
      data: { articleId, paragraphId: paragraph.id, annotationId: annotation.id, authorId: actor.id, body: data.note, visibility: data.visibility, projectId },
      select: noteSelect,
    });
    await publishEvent(tx, articleId, { type: "note.upserted", note: toNoteDTO(note) }, audience);
  }
  return annotation;
}

/** A highlight without a note, the most frequent write: checked, then stored with its event in one statement. */
async function createHighlight(actor: Actor, articleId: string, data: Extract<CreateAnnotationInput, { kind: "HIGHLIGHT" }>): Promise<AnnotationDTO> {
  const paragraph = await loadParagraphForHighlight(articleId, data.paragraphId);
  assertSelectorMatches(paragraph.text, data);
  const projectId = await resolveWriteLayer(actor, articleId);
  const now = new Date();
  const row: AnnotationRow = {
    id: newId(),
    articleId,
    paragraphId: paragraph.id,
    kind: data.kind,
    start: data.start,
    end: data.end,
    exact: data.exact,
    prefix: data.prefix,
    suffix: data.suffix,
    ...kindColumnsFromInput(data),
    visibility: data.visibility,
    anchorStatus: "ANCHORED",
    version: 1,
    authorId: actor.id,
    createdAt: now,
    updatedAt: now,
    projectId,
  };
  const annotation = annotationDTOFromRow(row, refsFrom({ authors: [{ id: actor.id, name: actor.name, color: actor.color }] }));
  if (await insertHighlight(annotation, audienceOf(annotation.visibility, actor.id), projectId)) return annotation;
  // The article was archived or got a new revision in between: say which.
  await loadParagraphForWriteDirect(articleId, data.paragraphId);
  throw new AppError("CONFLICT", "The article changed while the highlight was being saved: reload and try again.");
}
