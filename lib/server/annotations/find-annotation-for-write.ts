import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { canReadSignedIn, canWrite, type Actor } from "@/lib/permissions";
import { articleFacts, articleFactsSelect, layerFacts, projectFactsSelect } from "@/lib/permissions/where";
import { kindColumnSelect } from "@/lib/server/annotations/annotation-dto";
import { forbidden, notFound, unauthenticated } from "@/lib/server/errors";

/**
 * An annotation the actor may change: it must exist and be visible to them
 * (someone else's private annotation reads as not found, never as forbidden,
 * so its existence does not leak, and so does one in a Closed project layer to a
 * non-member), and be theirs unless they are an admin; in a project layer, their
 * role there must still annotate (canWrite: a site Annotator who is only that
 * project's Reader may not change work there; a site Reader who is its Annotator may).
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
    select: {
      id: true,
      articleId: true,
      authorId: true,
      kind: true,
      exact: true,
      ...kindColumnSelect,
      visibility: true,
      version: true,
      deletedAt: true,
      projectId: true,
      project: { select: projectFactsSelect(actor) },
      article: { select: articleFactsSelect(actor) },
    },
  });
  // Who may see it is canRead's rule (an archived article's work too: not found but for admins);
  // a deleted one is found only for Undo.
  if (!annotation) throw notFound("The annotation");
  const article = articleFacts(annotation.article);
  const work = { authorId: annotation.authorId, visibility: annotation.visibility, deletedAt: includeDeleted ? null : annotation.deletedAt, project: layerFacts(annotation.project) };
  if (!canReadSignedIn(actor, { type: "annotation", article, annotation: work })) throw notFound("The annotation");
  // Archiving is refused below with its own message.
  if (!canWrite(actor, { type: "annotation", article: { ...article, archivedAt: null }, annotation: work })) throw forbidden(refusal(actor, work, "annotations"));
  if (annotation.article.archivedAt) throw forbidden("This article is archived: its annotations are read-only.");
  return annotation;
}

/** Why someone who may read a piece of work (annotations or notes) may not change it, as the refusal says it. */
export function refusal(actor: Actor, work: { authorId: string; project: unknown }, what: "annotations" | "notes"): string {
  if (actor.id !== work.authorId) return what === "notes" ? "You can only edit or delete your own notes." : "You can only change your own annotations.";
  if (work.project) return `Your role in this project layer does not let you change ${what}: ask a project Manager.`;
  return `Readers cannot change ${what}.`;
}
