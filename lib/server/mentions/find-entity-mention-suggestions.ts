import "server-only";
import { db } from "@/lib/db";
import { mentionNames } from "@/lib/mentions";
import { queryTerms, toTsqueryInput } from "@/lib/morphology";
import { canAnnotate, type Actor } from "@/lib/permissions";
import { readableArticleWhere } from "@/lib/permissions/where";
import { unauthenticated } from "@/lib/server/errors";
import { loadMentionTarget } from "@/lib/server/mentions/load-mention-target";
import type { MentionSuggestionDTO } from "@/lib/server/mentions/mention-suggestion-dto";
import { recordMentionSuggestions } from "@/lib/server/mentions/record-mention-suggestions";

/** Most articles one Find mentions looks through (newest first): the page says when there were more. */
export const MAX_ARTICLES = 100;

export interface EntityMentionSuggestions {
  articles: { id: string; slug: string; title: string; suggestions: MentionSuggestionDTO[] }[];
  /** More articles may mention it than were looked through. */
  truncated: boolean;
  /** Readers see the suggestions but only annotators may accept or reject them. */
  canDecide: boolean;
}

/**
 * Find mentions (entity page): the entity's untagged mentions across every article the actor may
 * annotate in (not archived), grouped by article. The search index narrows the articles first (any
 * of the entity's names as a phrase, by lemma; paragraphs not indexed yet are read anyway); the
 * finder then places the mentions exactly.
 */
export async function findEntityMentionSuggestions({ actor, entityId }: { actor: Actor | null; entityId: string }): Promise<EntityMentionSuggestions> {
  if (!actor) throw unauthenticated("find mentions");
  const entity = await loadMentionTarget(db(), actor, entityId);
  const tsquery = mentionNames(entity.target)
    .map((name) => toTsqueryInput(queryTerms(name), true))
    .filter(Boolean)
    .map((phrase) => `(${phrase})`)
    .join(" | ");
  if (!tsquery) return { articles: [], truncated: false, canDecide: canAnnotate(actor) };
  const matching = await db().$queryRaw<{ articleId: string }[]>`
    SELECT DISTINCT p."articleId" FROM "Paragraph" p JOIN "Article" a ON a.id = p."articleId" AND a.revision = p.revision
    WHERE p."searchVector" IS NULL OR p."searchVector" @@ ${tsquery}::tsquery`;
  // Archived articles are read-only: nothing on them could be accepted.
  const candidates = await db().article.findMany({
    where: { id: { in: matching.map((row) => row.articleId) }, ...readableArticleWhere(actor), archivedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: MAX_ARTICLES + 1,
    select: { id: true, slug: true, title: true, language: true, revision: true },
  });
  const looked = candidates.slice(0, MAX_ARTICLES);
  const suggestions = await recordMentionSuggestions(actor, entity, looked);
  const articles = looked
    .map((article) => ({ id: article.id, slug: article.slug, title: article.title, suggestions: suggestions.filter((suggestion) => suggestion.articleId === article.id) }))
    .filter((article) => article.suggestions.length > 0);
  return { articles, truncated: candidates.length > MAX_ARTICLES, canDecide: canAnnotate(actor) };
}
