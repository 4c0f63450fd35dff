import "server-only";
import type { AnnotationDTO } from "@/lib/annotations/types";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/permissions";
import { insertAnnotation } from "@/lib/server/annotations/create-annotation";
import { AppError, notFound } from "@/lib/server/errors";
import { acceptMentionSchema, proposedMentionSchema } from "@/lib/server/mentions/mention-suggestion-dto";
import { findOpenSuggestion } from "@/lib/server/quotes/accept-suggestion";
import { assertMayDecideOn, assertSignedIn } from "@/lib/server/quotes/assert-may-decide";
import { decideSuggestion } from "@/lib/server/quotes/decide-suggestion";
import type { Visibility } from "@/lib/permissions";

type OpenSuggestion = Awaited<ReturnType<typeof findOpenSuggestion>>;

/**
 * Accepts a suggested mention: an entity tag on its words, linked to the suggested entity, made by
 * the actor through the ordinary create path (the same checks, alias and live event as tagging by
 * hand), and the suggestion recorded as accepted by them, when, with the tag it made; one
 * transaction. 404 for a suggestion on another article or not a mention; 409 when decided meanwhile.
 */
export async function acceptMentionSuggestion({ actor, articleId, suggestionId, input }: { actor: Actor | null; articleId: string; suggestionId: string; input: unknown }): Promise<AnnotationDTO> {
  const { visibility } = acceptMentionSchema.parse(input);
  assertSignedIn(actor);
  return db().$transaction(async (tx) => {
    const suggestion = await findOpenSuggestion(tx, actor, suggestionId);
    if (suggestion.articleId !== articleId || suggestion.kind !== "ENTITY") throw notFound("The suggestion");
    await assertMayDecideOn(actor, articleId, tx);
    return acceptMentionIn(tx, { actor, suggestion, visibility });
  });
}

/** Tags one open mention suggestion and records the decision, in the caller's transaction. */
export async function acceptMentionIn(tx: Prisma.TransactionClient, { actor, suggestion, visibility }: { actor: Actor; suggestion: OpenSuggestion; visibility: Visibility }): Promise<AnnotationDTO> {
  // Claimed first: of two people accepting at once, the second is refused rather than tagging twice.
  await decideSuggestion(tx, { actor, suggestion, status: "ACCEPTED" });
  const { entityId } = proposedMentionSchema.parse(suggestion.proposed);
  const entity = await tx.entity.findUnique({ where: { id: entityId }, select: { typeId: true } });
  if (!entity) throw new AppError("CONFLICT", "The entity of this suggestion no longer exists (merged into another?): find its mentions again.");
  const annotation = await insertAnnotation(tx, {
    actor,
    articleId: suggestion.articleId,
    data: { kind: "ENTITY", paragraphId: suggestion.paragraphId, start: suggestion.start, end: suggestion.end, exact: suggestion.exact, prefix: suggestion.prefix, suffix: suggestion.suffix, entityTypeId: entity.typeId, entityId, visibility },
  });
  await tx.suggestion.update({ where: { id: suggestion.id }, data: { annotationId: annotation.id } });
  return annotation;
}
