import { createAnnotation } from "@/lib/server/annotations/create-annotation";
import { findReadableArticle } from "@/lib/server/articles/find-readable-article";
import { getArticleAnnotations } from "@/lib/server/articles/get-article-annotations";
import { articleReadValidator, conditionalResponse } from "@/lib/server/cache/conditional-response";
import { annotatorRoute, idParams, jsonBody, readerRoute } from "@/lib/server/route";
import { createAnnotationSchema } from "@/lib/validations/annotation";

const params = idParams("articleId");

/** With an ETag: a client that holds the current answer gets 304 for one indexed read. */
export const GET = readerRoute({ action: "read this article", params }, async ({ actor, params: { articleId }, request }) => {
  const article = await findReadableArticle(actor, articleId);
  return conditionalResponse(request, articleReadValidator(["annotations"], actor, article), () => getArticleAnnotations({ actor, articleId, article }));
});

export const POST = annotatorRoute({ action: "annotate", params, body: jsonBody(createAnnotationSchema), status: 201 }, async ({ actor, params, body }) =>
  createAnnotation({ actor, articleId: params.articleId, input: body }),
);
