import "server-only";
import { db } from "@/lib/db";
import type { CoverageRow } from "@/lib/insights";
import { insightAnnotationWhere } from "./insights-where";
import { readableWorkPerArticleSql, type InsightScope } from "./insight-work";

export const COVERAGE_ARTICLES = 25;

/**
 * Per article (the most annotated of the filter, or the one article): its paragraphs, how many
 * carry an annotation the actor may read, those annotations and their distinct authors, all
 * counted by the database (the most annotated from the per-article rollup, see insight-work.ts;
 * then GROUP BY paragraph and author on those few articles).
 */
export async function measureCoverage(scope: InsightScope): Promise<CoverageRow[]> {
  const { actor, filter } = scope;
  // The most annotated by id first, then those few articles' titles (joined before the sum, every
  // article of the library was read for its title).
  const top = await db().$queryRaw<{ articleId: string; slug: string; title: string; revision: number; annotations: number }[]>`
    SELECT "t"."articleId", "ar"."slug", "ar"."title", "ar"."revision", "t"."annotations"
      FROM (SELECT "w"."articleId", sum("w"."n")::int AS "annotations"
              FROM (${readableWorkPerArticleSql(scope)}) AS "w"
             GROUP BY 1 HAVING sum("w"."n") > 0
             ORDER BY 2 DESC, 1 ASC
             LIMIT ${COVERAGE_ARTICLES}) AS "t"
      JOIN "Article" AS "ar" ON "ar"."id" = "t"."articleId"
     ORDER BY 5 DESC, 1 ASC`;
  if (top.length === 0) return [];
  const articleIds = top.map((row) => row.articleId);
  // The top articles are the scope's already (a search query's matches among them), so only the read rule and the period matter here.
  const where = { AND: [insightAnnotationWhere(actor, { ...filter, query: null }), { articleId: { in: articleIds } }] };
  const [byParagraph, byAuthor, paragraphCounts] = await Promise.all([
    db().annotation.groupBy({ by: ["articleId", "paragraphId"], where }),
    db().annotation.groupBy({ by: ["articleId", "authorId"], where }),
    db().paragraph.groupBy({ by: ["articleId", "revision"], where: { articleId: { in: articleIds } }, _count: { _all: true } }),
  ]);
  return top.map((article) => ({
    articleId: article.articleId,
    slug: article.slug,
    title: article.title,
    paragraphs: paragraphCounts.find((count) => count.articleId === article.articleId && count.revision === article.revision)?._count._all ?? 0,
    annotatedParagraphs: byParagraph.filter((group) => group.articleId === article.articleId).length,
    annotations: article.annotations,
    annotators: byAuthor.filter((group) => group.articleId === article.articleId).length,
  }));
}
