import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/permissions";
import { readableArticleWhere } from "@/lib/permissions/where";

export interface ArticleSummary {
  slug: string;
  title: string;
  source: string | null;
  language: string;
  paragraphCount: number;
  importedAt: Date;
}

/** The library: every article not archived that the reader may open (a Closed project's only for its members), newest import first. */
export async function listArticles({ actor = null }: { actor?: Actor | null } = {}): Promise<ArticleSummary[]> {
  const articles = await db().article.findMany({
    where: { AND: [{ archivedAt: null }, readableArticleWhere(actor)] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, slug: true, title: true, source: true, language: true, revision: true, createdAt: true },
  });
  const counts = await db().paragraph.groupBy({
    by: ["articleId", "revision"],
    where: { articleId: { in: articles.map((article) => article.id) } },
    _count: { _all: true },
  });
  const countOf = new Map(counts.map((row) => [`${row.articleId}:${row.revision}`, row._count._all]));
  return articles.map((article) => ({
    slug: article.slug,
    title: article.title,
    source: article.source,
    language: article.language,
    paragraphCount: countOf.get(`${article.id}:${article.revision}`) ?? 0,
    importedAt: article.createdAt,
  }));
}
