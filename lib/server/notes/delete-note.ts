import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/permissions";
import { audienceOf, publishEvent } from "@/lib/server/live/publish-event";
import { findNoteForWrite } from "@/lib/server/notes/find-note-for-write";

/** Deletes a note (soft: `deletedAt`); its replies stay readable under a "deleted note" placeholder. */
export async function deleteNote({ actor, noteId }: { actor: Actor | null; noteId: string }): Promise<{ id: string }> {
  return db().$transaction(async (tx) => {
    const note = await findNoteForWrite(tx, actor, noteId);
    await tx.note.update({ where: { id: noteId }, data: { deletedAt: new Date(), version: { increment: 1 } } });
    await publishEvent(tx, note.articleId, { type: "note.deleted", noteId }, audienceOf(note.visibility, note.authorId));
    return { id: noteId };
  });
}
