import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { canModify, type Actor } from "@/lib/permissions";
import { forbidden, notFound, unauthenticated } from "@/lib/server/errors";

/** A note the actor may edit or delete: visible to them, not deleted, theirs unless they are an admin. */
export async function findNoteForWrite(tx: Prisma.TransactionClient, actor: Actor | null, noteId: string) {
  if (!actor) throw unauthenticated("change notes");
  const note = await tx.note.findUnique({
    where: { id: noteId },
    select: { id: true, articleId: true, authorId: true, visibility: true, version: true, deletedAt: true, parentId: true, article: { select: { archivedAt: true } } },
  });
  const visible = note && !note.deletedAt && (note.visibility === "SHARED" || note.authorId === actor.id);
  if (!note || !visible) throw notFound("The note");
  if (!canModify(actor, note.authorId)) {
    throw forbidden(actor.role === "READER" ? "Readers cannot change notes." : "You can only edit or delete your own notes.");
  }
  if (note.article.archivedAt) throw forbidden("This article is archived: its notes are read-only.");
  return note;
}
