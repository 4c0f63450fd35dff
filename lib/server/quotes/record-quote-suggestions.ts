import "server-only";
import { describeRange } from "@/lib/anchoring";
import type { Prisma } from "@/lib/generated/prisma/client";
import { findQuotes, speakerPhrase } from "@/lib/quotes";
import { QUOTE_FINDER_SOURCE } from "@/lib/server/quotes/suggestion-dto";

/**
 * Runs the quote finder on the current text of each article and records what it finds as open
 * suggestions, in the caller's transaction. A candidate already suggested is not added again, and
 * words already accepted or rejected in the article are never suggested again, even in a new
 * revision (whose paragraphs are new rows): a rejection is remembered per article. Returns how
 * many suggestions were added.
 */
export async function recordQuoteSuggestions(tx: Prisma.TransactionClient, articleIds: readonly string[]): Promise<number> {
  if (!articleIds.length) return 0;
  const paragraphs = await tx.$queryRaw<{ id: string; articleId: string; text: string; language: string }[]>`
    SELECT "p"."id", "p"."articleId", "p"."text", "a"."language"
    FROM "Paragraph" AS "p" JOIN "Article" AS "a" ON "a"."id" = "p"."articleId" AND "a"."revision" = "p"."revision"
    WHERE "p"."articleId" = ANY(${[...articleIds]}::text[])
    ORDER BY "p"."articleId", "p"."position"`;
  const decided = await tx.suggestion.findMany({
    where: { articleId: { in: [...articleIds] }, kind: "QUOTE", source: QUOTE_FINDER_SOURCE, status: { not: "OPEN" } },
    select: { articleId: true, exact: true },
  });
  const isDecided = new Set(decided.map((suggestion) => `${suggestion.articleId}\u0000${suggestion.exact}`));
  const byArticle = new Map<string, typeof paragraphs>();
  for (const paragraph of paragraphs) {
    const rows = byArticle.get(paragraph.articleId);
    if (rows) rows.push(paragraph);
    else byArticle.set(paragraph.articleId, [paragraph]);
  }

  const data = [...byArticle].flatMap(([articleId, rows]) => {
    const texts = rows.map((row) => row.text);
    return findQuotes(texts, { language: rows[0]!.language }).flatMap((candidate) => {
      const paragraph = rows[candidate.paragraph]!;
      const range = describeRange(paragraph.text, candidate.start, candidate.end);
      if (isDecided.has(`${articleId}\u0000${range.exact}`)) return [];
      // The speaker's words, or the organisation's full name they stand for ("в пресс-службе" → "пресс-служба Кремля").
      const speaker = candidate.speaker ? speakerPhrase(texts, candidate.speaker) : null;
      return [{ articleId, paragraphId: paragraph.id, kind: "QUOTE" as const, ...range, proposed: { speaker }, score: candidate.confidence, source: QUOTE_FINDER_SOURCE }];
    });
  });
  if (!data.length) return 0;
  const { count } = await tx.suggestion.createMany({ data, skipDuplicates: true });
  return count;
}
