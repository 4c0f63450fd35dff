import "server-only";
import { db } from "@/lib/db";

export interface ArticleSummary {
  slug: string;
  title: string;
  source: string | null;
  language: string;
  paragraphCount: number;
  importedAt: Date;
}

/** The library: every article not archived, newest import first. */
export async function listArticles(): Promise<ArticleSummary[]> {
  const articles = await db().article.findMany({
    where: { archivedAt: null },
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
