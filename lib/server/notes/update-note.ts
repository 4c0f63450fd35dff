import "server-only";
import type { NoteDTO } from "@/lib/annotations/types";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/permissions";
import { noteSelect, toNoteDTO } from "@/lib/server/annotations/annotation-dto";
import { AppError } from "@/lib/server/errors";
import { audienceOf, publishEvent } from "@/lib/server/live/publish-event";
import { findNoteForWrite } from "@/lib/server/notes/find-note-for-write";
import { privatiseNotes } from "@/lib/server/notes/privatise-notes";
import { updateNoteSchema } from "@/lib/validations/annotation";

/**
 * Edits a note. `version` is the one the editor started from: if the note
 * changed meanwhile (another tab, an admin), the answer is 409 with the
 * current note, so the client can keep the user's text and let them merge.
 * A note on a private highlight cannot be shared (422); a thread made private takes its replies with it.
 */
export async function updateNote({ actor, noteId, input }: { actor: Actor | null; noteId: string; input: unknown }): Promise<NoteDTO> {
  const data = updateNoteSchema.parse(input);
  return db().$transaction(async (tx) => {
    const current = await findNoteForWrite(tx, actor, noteId);
    // Replies follow their thread: only a thread's first note has a visibility of its own.
    const visibility = current.parentId ? undefined : data.visibility;
    if (visibility === "SHARED" && current.annotation?.visibility === "PRIVATE") {
      throw new AppError("UNPROCESSABLE", "This note is on a private highlight: it stays private with it. Share the highlight first.");
    }
    const { count } = await tx.note.updateMany({
      where: { id: noteId, version: data.version, deletedAt: null },
      data: { body: data.body, visibility, version: { increment: 1 } },
    });
    const row = await tx.note.findUniqueOrThrow({ where: { id: noteId }, select: noteSelect });
    if (count === 0) {
      throw new AppError("CONFLICT", "This note was changed by someone else while you were editing. Your text is kept: compare and save again.", {
        current: toNoteDTO(row),
      });
    }
    const note = toNoteDTO(row);
    if (current.visibility === "SHARED" && note.visibility === "PRIVATE") {
      await publishEvent(tx, note.articleId, { type: "note.deleted", noteId }, null);
      await privatiseNotes(tx, { where: { parentId: noteId }, ownerId: note.author.id });
    }
    await publishEvent(tx, note.articleId, { type: "note.upserted", note }, audienceOf(note.visibility, note.author.id));
    return note;
  });
}
