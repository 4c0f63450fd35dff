import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/permissions";
import { readableArticleWhere, readableWorkWhere } from "@/lib/permissions/where";
import { forbidden, notFound } from "@/lib/server/errors";
import { assertMayDecideOn, assertSignedIn } from "@/lib/server/quotes/assert-may-decide";
import { linkSpeakerText, loadSpeakerCandidates } from "@/lib/server/quotes/speaker-candidates";
import { recordQuoteSuggestions } from "@/lib/server/quotes/record-quote-suggestions";
import { isConfident, proposedQuoteSchema, type QuoteSuggestionDTO } from "@/lib/server/quotes/suggestion-dto";

/**
 * Find quotes: runs the quote finder on the article's current text (import did already, unless
 * the background finder has yet to read it), records what it found as open suggestions (once: a
 * candidate already suggested, accepted or rejected is not added again, so a rejection is
 * remembered), and returns the open ones that the actor has not already marked as a
 * quote, with the speaker's words linked to a person or organisation the actor may know of.
 */
export async function findQuoteSuggestions({ actor, articleId }: { actor: Actor | null; articleId: string }): Promise<QuoteSuggestionDTO[]> {
  assertSignedIn(actor);
  const article = await db().article.findFirst({ where: { id: articleId, ...readableArticleWhere(actor) }, select: { id: true, revision: true, archivedAt: true } });
  if (!article) throw notFound("The article");
  if (article.archivedAt) throw forbidden("This article is archived: its annotations are read-only.");
  // Only those who may accept them find them: whoever may annotate in the article's project layer.
  await assertMayDecideOn(actor, articleId);
  const paragraphs = await db().paragraph.findMany({ where: { articleId, revision: article.revision }, orderBy: { position: "asc" }, select: { id: true } });

  await recordQuoteSuggestions(db(), [articleId]);

  const [open, marked, speakers] = await Promise.all([
    db().suggestion.findMany({
      where: { articleId, status: "OPEN", paragraphId: { in: paragraphs.map((paragraph) => paragraph.id) } },
      select: { id: true, paragraphId: true, start: true, end: true, exact: true, proposed: true, score: true },
    }),
    db().annotation.findMany({ where: { articleId, kind: "QUOTE", ...readableWorkWhere(actor) }, select: { paragraphId: true, start: true, end: true } }),
    loadSpeakerCandidates(db(), actor),
  ]);
  const position = new Map(paragraphs.map((paragraph, index) => [paragraph.id, index]));
  return open
    .filter((suggestion) => !marked.some((quote) => quote.paragraphId === suggestion.paragraphId && quote.start < suggestion.end && suggestion.start < quote.end))
    .sort((a, b) => position.get(a.paragraphId)! - position.get(b.paragraphId)! || a.start - b.start)
    .map((suggestion) => {
      const speakerText = proposedQuoteSchema.parse(suggestion.proposed).speaker;
      const speaker = linkSpeakerText(speakerText, speakers);
      return {
        id: suggestion.id,
        paragraphId: suggestion.paragraphId,
        start: suggestion.start,
        end: suggestion.end,
        exact: suggestion.exact,
        speakerText,
        speaker: speaker && { id: speaker.id, name: speaker.name },
        score: suggestion.score,
        confident: isConfident(suggestion.score),
      };
    });
}
