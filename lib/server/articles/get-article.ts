import "server-only";
import { db } from "@/lib/db";
import { canRead, type Actor } from "@/lib/permissions";
import { readPolicy } from "@/lib/permissions/policy";
import { articleSelect } from "@/lib/server/articles/article-select";

/**
 * An article with the first `firstParagraphs` paragraphs of its current revision (all by
 * default), in reading order, and how many there are in all; null when the slug is unknown or
 * the reader may not open it (an archived article, for anyone but an admin), so that the two look
 * alike. The reader renders the first screens at once and loads the rest by range
 * (get-article-text.ts), so a 2,000-paragraph article is not sent in one page.
 */
export async function getArticle({ actor, slug, firstParagraphs }: { actor: Actor | null; slug: string; firstParagraphs?: number }) {
  const article = await db().article.findUnique({
    where: { slug },
    select: articleSelect,
  });
  if (!article || !canRead(actor, { type: "article", article }, readPolicy())) return null;
  const onCurrentText = { articleId: article.id, revision: article.revision };
  const [paragraphs, paragraphCount] = await Promise.all([
    db().paragraph.findMany({ where: onCurrentText, orderBy: { position: "asc" }, take: firstParagraphs, select: { id: true, position: true, kind: true, text: true } }),
    db().paragraph.count({ where: onCurrentText }),
  ]);
  return { ...article, paragraphs, paragraphCount };
}

export type ReaderArticle = NonNullable<Awaited<ReturnType<typeof getArticle>>>;
