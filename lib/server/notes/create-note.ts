import "server-only";
import type { NoteDTO } from "@/lib/annotations/types";
import { db } from "@/lib/db";
import { canAnnotate, type Actor } from "@/lib/permissions";
import { noteSelect, toNoteDTO } from "@/lib/server/annotations/annotation-dto";
import { loadParagraphForWrite } from "@/lib/server/annotations/load-paragraph-for-write";
import { AppError, forbidden, unauthenticated } from "@/lib/server/errors";
import { audienceOf, publishEvent } from "@/lib/server/live/publish-event";
import { createNoteSchema } from "@/lib/validations/annotation";

/** Writes a note on a paragraph, a reply to a note, or a note on a highlight. */
export async function createNote({ actor, articleId, input }: { actor: Actor | null; articleId: string; input: unknown }): Promise<NoteDTO> {
  const data = createNoteSchema.parse(input);
  if (!actor) throw unauthenticated("write notes");
  if (!canAnnotate(actor)) throw forbidden("Readers cannot write notes: ask an admin for the Annotator role.");

  return db().$transaction(async (tx) => {
    const paragraph = await loadParagraphForWrite(tx, articleId, data.paragraphId);
    let visibility = data.visibility;
    if (data.parentId) {
      const parent = await tx.note.findUnique({ where: { id: data.parentId }, select: { paragraphId: true, authorId: true, visibility: true, deletedAt: true, parentId: true } });
      const visible = parent && !parent.deletedAt && (parent.visibility === "SHARED" || parent.authorId === actor.id);
      if (!visible) throw new AppError("UNPROCESSABLE", "The note you are replying to does not exist.");
      if (parent.paragraphId !== paragraph.id) throw new AppError("UNPROCESSABLE", "A reply must be on the same paragraph as its note.");
      if (parent.parentId) throw new AppError("UNPROCESSABLE", "Reply to the thread's first note, not to a reply.");
      // A reply in someone's private thread would reveal that thread: replies follow their thread's visibility.
      if (parent.visibility === "PRIVATE") visibility = "PRIVATE";
    }
    if (data.annotationId) {
      const annotation = await tx.annotation.findUnique({ where: { id: data.annotationId }, select: { paragraphId: true, authorId: true, visibility: true, deletedAt: true } });
      const visible = annotation && !annotation.deletedAt && (annotation.visibility === "SHARED" || annotation.authorId === actor.id);
      if (!visible) throw new AppError("UNPROCESSABLE", "The highlight this note is for does not exist.");
      if (annotation.paragraphId !== paragraph.id) throw new AppError("UNPROCESSABLE", "A highlight's note must be on the highlight's paragraph.");
    }
    const row = await tx.note.create({
      data: { articleId, paragraphId: paragraph.id, parentId: data.parentId, annotationId: data.annotationId, authorId: actor.id, body: data.body, visibility },
      select: noteSelect,
    });
    const note = toNoteDTO(row);
    await publishEvent(tx, articleId, { type: "note.upserted", note }, audienceOf(note.visibility, actor.id));
    return note;
  });
}
