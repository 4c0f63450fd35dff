import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { noteSelect, toNoteDTO } from "@/lib/server/annotations/annotation-dto";
import { publishEvent } from "@/lib/server/live/publish-event";

/**
 * Makes private, inside the caller's transaction, the shared notes under something just made
 * private by `ownerId` (a highlight's notes, a thread's replies): a note is never more visible
 * than what it is on. Everyone's live feed drops each note; the owner, who still sees the thing
 * they are on, gets their own notes back as private (others' notes there reach no one but them,
 * and not even them while they cannot see the thing they are on).
 */
export async function privatiseNotes(tx: Prisma.TransactionClient, { where, ownerId }: { where: Prisma.NoteWhereInput; ownerId: string }): Promise<void> {
  const shared = { visibility: "SHARED" as const, deletedAt: null };
  const roots = await tx.note.findMany({ where: { AND: [where, shared] }, select: { id: true } });
  if (roots.length === 0) return;
  const rootIds = roots.map((note) => note.id);
  // Replies are one level deep: a thread's first note and the replies to it.
  const replies = await tx.note.findMany({ where: { parentId: { in: rootIds }, ...shared }, select: { id: true } });
  const ids = [...rootIds, ...replies.map((note) => note.id)];
  await tx.note.updateMany({ where: { id: { in: ids } }, data: { visibility: "PRIVATE", version: { increment: 1 } } });
  const notes = await tx.note.findMany({ where: { id: { in: ids } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: noteSelect });
  for (const note of notes) {
    await publishEvent(tx, note.articleId, { type: "note.deleted", noteId: note.id }, null);
    if (note.author.id === ownerId) await publishEvent(tx, note.articleId, { type: "note.upserted", note: toNoteDTO(note) }, ownerId);
  }
}
