import "server-only";
import type { Actor } from "@/lib/permissions";
import { listArticleAnnotations, type ArticleAnnotations } from "@/lib/server/annotations/list-article-annotations";
import { findReadableArticle } from "@/lib/server/articles/find-readable-article";

/** Everything on an article's current text that this reader may see, if they may open the article. */
export async function getArticleAnnotations({ actor, articleId }: { actor: Actor | null; articleId: string }): Promise<ArticleAnnotations> {
  const article = await findReadableArticle(actor, articleId);
  return listArticleAnnotations({ actorId: actor?.id ?? null, articleId, revision: article.revision });
}
