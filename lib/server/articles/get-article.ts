import "server-only";
import { db } from "@/lib/db";

/** An article with the paragraphs of its current revision, in reading order; null when the slug is unknown. */
export async function getArticle(slug: string) {
  const article = await db().article.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      title: true,
      language: true,
      source: true,
      sourceUrl: true,
      author: true,
      publishedAt: true,
      revision: true,
      archivedAt: true,
      createdAt: true,
    },
  });
  if (!article) return null;
  const paragraphs = await db().paragraph.findMany({
    where: { articleId: article.id, revision: article.revision },
    orderBy: { position: "asc" },
    select: { id: true, position: true, kind: true, text: true },
  });
  return { ...article, paragraphs };
}

export type ReaderArticle = NonNullable<Awaited<ReturnType<typeof getArticle>>>;
