import "server-only";
import { canRead, type Actor } from "@/lib/permissions";
import { readPolicy } from "@/lib/permissions/policy";
import { articleTextPart } from "@/lib/server/cache/article-text";
import { readArticleStamp } from "@/lib/server/cache/read-article-stamp";

/**
 * An article with the first `firstParagraphs` paragraphs of its current revision (all by
 * default), in reading order, and how many there are in all; null when the slug is unknown or
 * the reader may not open it (an archived article, for anyone but an admin), so that the two look
 * alike. The reader renders the first screens at once and loads the rest by range
 * (get-article-text.ts), so a 2,000-paragraph article is not sent in one page.
 *
 * One indexed read per call (the article and its versions); the text comes from the cache of
 * its revision. The result carries the versions, for the caches of the annotations on it.
 */
export async function getArticle({ actor, slug, firstParagraphs }: { actor: Actor | null; slug: string; firstParagraphs?: number }) {
  const article = await readArticleStamp({ slug }, actor?.id);
  if (!article || !canRead(actor, { type: "article", article }, readPolicy())) return null;
  const { paragraphs, paragraphCount } = await articleTextPart(article.id, article.revision, { limit: firstParagraphs });
  return { ...article, paragraphs, paragraphCount };
}

export type ReaderArticle = NonNullable<Awaited<ReturnType<typeof getArticle>>>;
