import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { canReadSignedIn, canWrite, type Actor } from "@/lib/permissions";
import { articleFacts, articleFactsSelect, layerFacts, projectFactsSelect } from "@/lib/permissions/where";
import { refusal } from "@/lib/server/annotations/find-annotation-for-write";
import { forbidden, notFound, unauthenticated } from "@/lib/server/errors";


/**
 * A note the actor may edit or delete: readable by them (else not found, so that a private note
 * or one on a private highlight does not leak, nor one in a Closed project layer to a non-member),
 * theirs unless they are an admin, on a live article; in a project layer, the author's role there
 * must still annotate (canWrite).
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
      projectId: true,
      project: { select: projectFactsSelect(actor) },
      article: { select: articleFactsSelect(actor) },
      annotation: { select: { authorId: true, visibility: true, deletedAt: true, project: { select: projectFactsSelect(actor) } } },
    },
  });
  if (!note) throw notFound("The note");
  const article = articleFacts(note.article);
  const work = { authorId: note.authorId, visibility: note.visibility, deletedAt: note.deletedAt, project: layerFacts(note.project) };
  const highlight = note.annotation && { ...note.annotation, project: layerFacts(note.annotation.project) };
  if (!canReadSignedIn(actor, { type: "note", article, note: work, annotation: highlight })) throw notFound("The note");
  // Archiving is refused below with its own message.
  if (!canWrite(actor, { type: "note", article: { ...article, archivedAt: null }, note: work })) throw forbidden(refusal(actor, work, "notes"));
  if (note.article.archivedAt) throw forbidden("This article is archived: its notes are read-only.");
  return note;
}
