import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { canModify, type Actor } from "@/lib/permissions";
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
  const visible = annotation && (annotation.visibility === "SHARED" || annotation.authorId === actor.id);
  if (!annotation || !visible || (annotation.deletedAt && !includeDeleted)) throw notFound("The annotation");
  if (!canModify(actor, annotation.authorId)) {
    throw forbidden(actor.role === "READER" ? "Readers cannot change annotations." : "You can only change your own annotations.");
  }
  if (annotation.article.archivedAt) throw forbidden("This article is archived: its annotations are read-only.");
  return annotation;
}
