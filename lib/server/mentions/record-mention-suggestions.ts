import "server-only";
import { describeRange } from "@/lib/anchoring";
import { db } from "@/lib/db";
import { spanContext } from "@/lib/format";
import { findEntityMentions } from "@/lib/mentions";
import type { Actor } from "@/lib/permissions";
import { readableWorkWhere } from "@/lib/permissions/where";
import type { LoadedMentionTarget } from "@/lib/server/mentions/load-mention-target";
import { mentionSource, type MentionSuggestionDTO } from "@/lib/server/mentions/mention-suggestion-dto";

const CONTEXT = 60;

/**
 * Runs the mention finder for one entity over articles' current text, records what it finds as
 * open suggestions (once: a span suggested, accepted or rejected for the entity before is not added
 * again, so a rejection is remembered), and returns the open ones, in text order. Spans the actor
 * already sees tagged (any entity, anyone's readable tag) are not suggested; the articles must be
 * ones the actor may read (the caller filters them).
 */
export async function recordMentionSuggestions(
  actor: Actor,
  entity: LoadedMentionTarget,
  articles: readonly { id: string; language: string; revision: number }[],
): Promise<MentionSuggestionDTO[]> {
  if (!articles.length) return [];
  const articleIds = articles.map((article) => article.id);
  const [paragraphs, tags] = await Promise.all([
    db().paragraph.findMany({
      where: { OR: articles.map((article) => ({ articleId: article.id, revision: article.revision })) },
      orderBy: [{ articleId: "asc" }, { position: "asc" }],
      select: { id: true, articleId: true, position: true, text: true },
    }),
    db().annotation.findMany({
      where: { articleId: { in: articleIds }, kind: "ENTITY", anchorStatus: { not: "ORPHANED" }, ...readableWorkWhere(actor) },
      select: { paragraphId: true, start: true, end: true },
    }),
  ]);
  const source = mentionSource(entity.id);
  const rows = articles.flatMap((article) => {
    const own = paragraphs.filter((paragraph) => paragraph.articleId === article.id);
    const index = new Map(own.map((paragraph, position) => [paragraph.id, position]));
    const tagged = tags.flatMap((tag) => (index.has(tag.paragraphId) ? [{ paragraph: index.get(tag.paragraphId)!, start: tag.start, end: tag.end }] : []));
    return findEntityMentions(
      own.map((paragraph) => paragraph.text),
      entity.target,
      { language: article.language, tagged },
    ).map((mention) => {
      const paragraph = own[mention.paragraph]!;
      return {
        articleId: article.id,
        paragraphId: paragraph.id,
        kind: "ENTITY" as const,
        ...describeRange(paragraph.text, mention.start, mention.end),
        proposed: { entityId: entity.id, via: mention.via },
        score: mention.score,
        source,
      };
    });
  });
  if (rows.length) await db().suggestion.createMany({ data: rows, skipDuplicates: true });

  const open = await db().suggestion.findMany({
    where: { articleId: { in: articleIds }, source, status: "OPEN", paragraphId: { in: paragraphs.map((paragraph) => paragraph.id) } },
    select: { id: true, articleId: true, paragraphId: true, start: true, end: true, exact: true, score: true },
  });
  const byId = new Map(paragraphs.map((paragraph) => [paragraph.id, paragraph]));
  const articleOrder = new Map(articleIds.map((id, position) => [id, position]));
  return open
    .filter((suggestion) => !tags.some((tag) => tag.paragraphId === suggestion.paragraphId && tag.start < suggestion.end && suggestion.start < tag.end))
    .map((suggestion) => {
      const paragraph = byId.get(suggestion.paragraphId)!;
      return {
        ...suggestion,
        paragraphPosition: paragraph.position,
        ...spanContext(paragraph.text, suggestion.start, suggestion.end, CONTEXT),
        entity: { id: entity.id, name: entity.name },
      };
    })
    .sort((a, b) => articleOrder.get(a.articleId)! - articleOrder.get(b.articleId)! || a.paragraphPosition - b.paragraphPosition || a.start - b.start);
}
