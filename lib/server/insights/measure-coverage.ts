import "server-only";
import type { CoverageRow } from "@/lib/insights";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/permissions";
import type { InsightsFilter } from "@/lib/validations/insights";
import { insightAnnotationWhere, insightArticleWhere } from "./insights-where";

export const COVERAGE_ARTICLES = 25;

/**
 * Per article (the most annotated of the filter, or the one article): its paragraphs, how many
 * carry an annotation the actor may read, those annotations and their distinct authors, all
 * counted by the database (GROUP BY article, paragraph, author).
 */
export async function measureCoverage(actor: Actor | null, filter: InsightsFilter): Promise<CoverageRow[]> {
  const where = insightAnnotationWhere(actor, filter);
  const top = await db().annotation.groupBy({ by: ["articleId"], where, _count: { _all: true }, orderBy: [{ _count: { articleId: "desc" } }, { articleId: "asc" }], take: COVERAGE_ARTICLES });
  const articleIds = top.map((row) => row.articleId);
  if (articleIds.length === 0) return [];
  const [articles, byParagraph, byAuthor] = await Promise.all([
    db().article.findMany({ where: { AND: [insightArticleWhere(actor, filter), { id: { in: articleIds } }] }, select: { id: true, slug: true, title: true, revision: true } }),
    db().annotation.groupBy({ by: ["articleId", "paragraphId"], where: { AND: [where, { articleId: { in: articleIds } }] } }),
    db().annotation.groupBy({ by: ["articleId", "authorId"], where: { AND: [where, { articleId: { in: articleIds } }] } }),
  ]);
  const paragraphCounts = await db().paragraph.groupBy({ by: ["articleId", "revision"], where: { articleId: { in: articleIds } }, _count: { _all: true } });
  const byId = new Map(articles.map((article) => [article.id, article]));
  return top.flatMap((row) => {
    const article = byId.get(row.articleId);
    if (!article) return [];
    const paragraphs = paragraphCounts.find((count) => count.articleId === article.id && count.revision === article.revision)?._count._all ?? 0;
    return [
      {
        articleId: article.id,
        slug: article.slug,
        title: article.title,
        paragraphs,
        annotatedParagraphs: byParagraph.filter((group) => group.articleId === article.id).length,
        annotations: row._count._all,
        annotators: byAuthor.filter((group) => group.articleId === article.id).length,
      },
    ];
  });
}
