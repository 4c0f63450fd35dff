import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { canModify, canReadSignedIn, type Actor } from "@/lib/permissions";
import { forbidden, notFound, unauthenticated } from "@/lib/server/errors";

const work = { select: { authorId: true, visibility: true, deletedAt: true } } as const;

/**
 * A note the actor may edit or delete: readable by them (else not found, so that a private note
 * or one on a private highlight does not leak), theirs unless they are an admin, on a live article.
 */
export async function findNoteForWrite(tx: Prisma.TransactionClient, actor: Actor | null, noteId: string) {
  if (!actor) throw unauthenticated("change notes");
  const note = await tx.note.findUnique({
    where: { id: noteId },
    select: {
      id: true,
      articleId: true,
      authorId: true,
      visibility: true,
      version: true,
      deletedAt: true,
      parentId: true,
      article: { select: { archivedAt: true } },
      annotation: work,
    },
  });
  if (!note || !canReadSignedIn(actor, { type: "note", article: note.article, note, annotation: note.annotation })) throw notFound("The note");
  if (!canModify(actor, note.authorId)) {
    throw forbidden(actor.role === "READER" ? "Readers cannot change notes." : "You can only edit or delete your own notes.");
  }
  if (note.article.archivedAt) throw forbidden("This article is archived: its notes are read-only.");
  return note;
}
