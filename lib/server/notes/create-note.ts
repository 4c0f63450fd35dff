import "server-only";
import { resolveWriteLayer } from "@/lib/server/projects/resolve-write-layer";
import type { NoteDTO } from "@/lib/annotations/types";
import { db } from "@/lib/db";
import { canReadSignedIn, type Actor } from "@/lib/permissions";
import { noteSelect, toNoteDTO } from "@/lib/server/annotations/annotation-dto";
import { loadParagraphForWrite } from "@/lib/server/annotations/load-paragraph-for-write";
import { AppError, unauthenticated } from "@/lib/server/errors";
import { audienceOf, publishEvent } from "@/lib/server/live/publish-event";
import { createNoteSchema } from "@/lib/validations/annotation";

const work = { authorId: true, visibility: true, deletedAt: true } as const;
// loadParagraphForWrite refuses archived articles: what is checked below is on a live one.
const liveArticle = { archivedAt: null };

/**
 * Writes a note on a paragraph, a reply to a note, or a note on a highlight. A note is never more
 * visible than what it is on: on a private highlight, or in a private thread, it is private
 * whatever was asked (else it would show others that the private work exists, and what it says).
 */
export async function createNote({ actor, articleId, input }: { actor: Actor | null; articleId: string; input: unknown }): Promise<NoteDTO> {
  const data = createNoteSchema.parse(input);
  if (!actor) throw unauthenticated("write notes");
  // Whether they may write is their role in the note's layer (resolveWriteLayer below), not their site role alone.

  return db().$transaction(async (tx) => {
    const paragraph = await loadParagraphForWrite(tx, articleId, data.paragraphId);
    let visibility = data.visibility;
    // A reply or a highlight's note goes into the layer of what it is on; any other note into the writer's layer.
    let layer: string | undefined;
    if (data.parentId) {
      const parent = await tx.note.findUnique({
        where: { id: data.parentId },
        select: { ...work, paragraphId: true, parentId: true, annotationId: true, projectId: true, annotation: { select: work } },
      });
      if (!parent || !canReadSignedIn(actor, { type: "note", article: liveArticle, note: parent, annotation: parent.annotation })) {
        throw new AppError("UNPROCESSABLE", "The note you are replying to does not exist.");
      }
      if (parent.paragraphId !== paragraph.id) throw new AppError("UNPROCESSABLE", "A reply must be on the same paragraph as its note.");
      if (parent.parentId) throw new AppError("UNPROCESSABLE", "Reply to the thread's first note, not to a reply.");
      if (parent.annotationId !== (data.annotationId ?? null)) throw new AppError("UNPROCESSABLE", "A reply must be on the same highlight as its note.");
      if (parent.visibility === "PRIVATE") visibility = "PRIVATE";
      layer = parent.projectId ?? undefined;
    }
    if (data.annotationId) {
      const annotation = await tx.annotation.findUnique({ where: { id: data.annotationId }, select: { ...work, paragraphId: true, projectId: true } });
      if (!annotation || !canReadSignedIn(actor, { type: "annotation", article: liveArticle, annotation })) {
        throw new AppError("UNPROCESSABLE", "The highlight this note is for does not exist.");
      }
      if (annotation.paragraphId !== paragraph.id) throw new AppError("UNPROCESSABLE", "A highlight's note must be on the highlight's paragraph.");
      if (annotation.visibility === "PRIVATE") visibility = "PRIVATE";
      layer ??= annotation.projectId ?? undefined;
    }
    const projectId = await resolveWriteLayer(actor, articleId, layer, tx);
    const row = await tx.note.create({
      data: { articleId, paragraphId: paragraph.id, parentId: data.parentId, annotationId: data.annotationId, authorId: actor.id, body: data.body, visibility, projectId },
      select: noteSelect,
    });
    const note = toNoteDTO(row);
    await publishEvent(tx, articleId, { type: "note.upserted", note }, audienceOf(note.visibility, actor.id));
    return note;
  });
}
