import { getArticleText } from "@/lib/server/articles/get-article-text";
import { idParams, readerRoute } from "@/lib/server/route";
import { articleTextQuerySchema } from "@/lib/validations/article";

/** `?revision=&after=&limit=`: the reader's next stretch of paragraphs with their annotations and notes. */
export const GET = readerRoute(
  { action: "read this article", params: idParams("articleId"), query: articleTextQuerySchema },
  async ({ actor, params, query }) => getArticleText({ actor, articleId: params.articleId, query }),
);
