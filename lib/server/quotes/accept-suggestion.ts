import "server-only";
import type { AnnotationDTO } from "@/lib/annotations/types";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/permissions";
import { readableArticleWhere } from "@/lib/permissions/where";
import { DEFAULT_PROJECT_ID } from "@/lib/projects/default-project";
import { lemmatize } from "@/lib/morphology/lemmatize";
import { insertAnnotation } from "@/lib/server/annotations/create-annotation";
import { AppError, notFound } from "@/lib/server/errors";
import { assertMayDecideOn, assertSignedIn } from "@/lib/server/quotes/assert-may-decide";
import { decideSuggestion } from "@/lib/server/quotes/decide-suggestion";
import { linkSpeakerText, loadSpeakerCandidates, type SpeakerCandidate } from "@/lib/server/quotes/speaker-candidates";
import { acceptSuggestionSchema, proposedQuoteSchema, type AcceptSuggestionInput } from "@/lib/server/quotes/suggestion-dto";
import type { SpeakerInput } from "@/lib/server/quotes/resolve-speaker";

const suggestionSelect = { id: true, articleId: true, paragraphId: true, kind: true, start: true, end: true, exact: true, prefix: true, suffix: true, proposed: true, status: true } as const;
type SuggestionRow = Prisma.SuggestionGetPayload<{ select: typeof suggestionSelect }>;

/**
 * Accepts a quote suggestion: the quote is created as the actor's (the speaker given, else the
 * known person or organisation the suggested words name, else a new entity named by them) and
 * the suggestion is recorded as accepted by them, in one transaction. Their role in the article's
 * project layer decides whether they may (assertMayDecideOn). A suggestion decided meanwhile is a 409.
 */
export async function acceptSuggestion({ actor, suggestionId, input }: { actor: Actor | null; suggestionId: string; input: unknown }): Promise<AnnotationDTO> {
  const data = acceptSuggestionSchema.parse(input);
  assertSignedIn(actor);
  return db().$transaction(async (tx) => {
    const suggestion = await findOpenSuggestion(tx, actor, suggestionId);
    // Other kinds (suggested entity mentions) are accepted through their own route.
    if (suggestion.kind !== "QUOTE") throw notFound("The suggestion");
    await assertMayDecideOn(actor, suggestion.articleId, tx);
    return acceptIn(tx, { actor, suggestion, input: data, speakers: await loadSpeakerCandidates(tx, actor) });
  });
}

/** A suggestion on an article the actor may read, still open: else 404 (unreadable or missing) or 409 (decided). */
export async function findOpenSuggestion(tx: Prisma.TransactionClient, actor: Actor, suggestionId: string): Promise<SuggestionRow> {
  const suggestion = await tx.suggestion.findFirst({ where: { id: suggestionId, article: readableArticleWhere(actor) }, select: suggestionSelect });
  if (!suggestion) throw notFound("The suggestion");
  if (suggestion.status !== "OPEN") throw new AppError("CONFLICT", `This suggestion was already ${suggestion.status.toLowerCase()}.`);
  return suggestion;
}

/** Creates the suggestion's quote and records the decision, in the caller's transaction. */
export async function acceptIn(
  tx: Prisma.TransactionClient,
  { actor, suggestion, input, speakers }: { actor: Actor; suggestion: SuggestionRow; input: AcceptSuggestionInput; speakers: readonly SpeakerCandidate[] },
): Promise<AnnotationDTO> {
  // Claimed first: of two people accepting at once, the second is refused rather than making a second quote.
  await decideSuggestion(tx, { actor, suggestion, status: "ACCEPTED" });
  const speaker = await suggestedSpeaker(tx, suggestion, input, speakers);
  const annotation = await insertAnnotation(tx, {
    actor,
    articleId: suggestion.articleId,
    data: { kind: "QUOTE", paragraphId: suggestion.paragraphId, start: suggestion.start, end: suggestion.end, exact: suggestion.exact, prefix: suggestion.prefix, suffix: suggestion.suffix, visibility: input.visibility, ...speaker },
  });
  await tx.suggestion.update({ where: { id: suggestion.id }, data: { annotationId: annotation.id } });
  return annotation;
}

/**
 * The speaker to attribute the quote to: the one the request names, else the known entity the
 * suggested words name, else a new entity named by those words (see {@link newSpeaker});
 * Change speaker corrects a wrong guess.
 */
async function suggestedSpeaker(tx: Prisma.TransactionClient, suggestion: SuggestionRow, input: AcceptSuggestionInput, speakers: readonly SpeakerCandidate[]): Promise<SpeakerInput> {
  if (input.speakerId || input.speakerName) return { speakerId: input.speakerId, speakerName: input.speakerName, speakerTypeId: input.speakerTypeId };
  const text = proposedQuoteSchema.parse(suggestion.proposed).speaker;
  const known = linkSpeakerText(text, speakers);
  if (known) return { speakerId: known.id };
  if (!text) throw new AppError("UNPROCESSABLE", "The finder did not find who said it: choose the speaker (Change speaker).");
  const speaker = newSpeaker(text);
  // Entity types belong to projects: a type of that key in one of the article's projects (the default project's for an article in none).
  const type = await tx.entityType.findFirst({
    where: { key: speaker.type, OR: [{ project: { articles: { some: { articleId: suggestion.articleId } } } }, { projectId: DEFAULT_PROJECT_ID }] },
    orderBy: [{ projectId: "asc" }, { position: "asc" }],
    select: { id: true },
  });
  if (!type) throw new AppError("UNPROCESSABLE", "Choose the speaker (Change speaker): there is no entity type for it.");
  return { speakerName: speaker.name, speakerTypeId: type.id };
}

/**
 * A new speaker from the words naming it: a person when two or more words are all capitalised
 * ("Ирина Соболева"), else an organisation ("пресс-службе", "Кремле"); a single word is named in
 * its normal form, capitalised as written ("Кремле" → "Кремль"), since the text inflects it.
 */
export function newSpeaker(text: string): { name: string; type: "PER" | "ORG" } {
  const words = text.split(/\s+/);
  if (words.length > 1) return { name: text, type: words.every((word) => /^\p{Lu}/u.test(word)) ? "PER" : "ORG" };
  const lemma = lemmatize(text)[0];
  const name = lemma && /^\p{Lu}/u.test(text) ? lemma[0]!.toUpperCase() + lemma.slice(1) : (lemma ?? text);
  return { name, type: "ORG" };
}
