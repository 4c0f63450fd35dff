import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { canModify, canReadSignedIn, type Actor } from "@/lib/permissions";
import { kindColumnSelect } from "@/lib/server/annotations/annotation-dto";
import { forbidden, notFound, unauthenticated } from "@/lib/server/errors";

/**
 * An annotation the actor may change: it must exist and be visible to them
 * (someone else's private annotation reads as not found, never as forbidden,
 * so its existence does not leak), and be theirs unless they are an admin.
 */
export async function findAnnotationForWrite(
  tx: Prisma.TransactionClient,
  actor: Actor | null,
  annotationId: string,
  { includeDeleted = false } = {},
) {
  if (!actor) throw unauthenticated("change annotations");
  const annotation = await tx.annotation.findUnique({
    where: { id: annotationId },
    select: { id: true, articleId: true, authorId: true, kind: true, exact: true, ...kindColumnSelect, visibility: true, version: true, deletedAt: true, article: { select: { archivedAt: true } } },
  });
  // Who may see it is canRead's rule (an archived article's work too: not found but for admins);
  // a deleted one is found only for Undo.
  const visible = annotation && canReadSignedIn(actor, { type: "annotation", article: annotation.article, annotation: { ...annotation, deletedAt: includeDeleted ? null : annotation.deletedAt } });
  if (!annotation || !visible) throw notFound("The annotation");
  if (!canModify(actor, annotation.authorId)) {
    throw forbidden(actor.role === "READER" ? "Readers cannot change annotations." : "You can only change your own annotations.");
  }
  if (annotation.article.archivedAt) throw forbidden("This article is archived: its annotations are read-only.");
  return annotation;
}
