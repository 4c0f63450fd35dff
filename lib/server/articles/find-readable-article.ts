import "server-only";
import { canRead, canReadLibrary, type Actor } from "@/lib/permissions";
import { readPolicy } from "@/lib/permissions/policy";
import { readArticleStamp, type ArticleStamp } from "@/lib/server/cache/read-article-stamp";
import { notFound, unauthenticated } from "@/lib/server/errors";

/**
 * The gate of every API read of one article's content (its text, annotations, live feed): 401 for
 * an anonymous visitor when sign-in is required; 404 when the article does not exist or the
 * reader may not open it (archived, for anyone but an admin), so that the two look alike.
 * Returns the article with its current revision and the versions its caches are keyed by.
 */
export async function findReadableArticle(actor: Actor | null, articleId: string, what = "read this article"): Promise<ArticleStamp> {
  const policy = readPolicy();
  if (!canReadLibrary(actor, policy)) throw unauthenticated(what);
  const article = await readArticleStamp({ id: articleId }, actor?.id);
  if (!article || !canRead(actor, { type: "article", article }, policy)) throw notFound("The article");
  return article;
}
