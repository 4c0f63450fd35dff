import { findReadableArticle } from "@/lib/server/articles/find-readable-article";
import { getArticleText } from "@/lib/server/articles/get-article-text";
import { articleReadValidator, conditionalResponse } from "@/lib/server/cache/conditional-response";
import { idParams, readerRoute } from "@/lib/server/route";
import { articleTextQuerySchema } from "@/lib/validations/article";

/**
 * `?revision=&after=&limit=`: the reader's next stretch of paragraphs with their annotations and
 * notes. With an ETag: a client that holds the current answer gets 304 for one indexed read.
 */
export const GET = readerRoute({ action: "read this article", params: idParams("articleId"), query: articleTextQuerySchema }, async ({ actor, params: { articleId }, query, request }) => {
  const article = await findReadableArticle(actor, articleId);
  const validator = articleReadValidator(["text", query.revision, query.after, query.limit], actor, article);
  return conditionalResponse(request, validator, () => getArticleText({ actor, articleId, query, article }));
});
