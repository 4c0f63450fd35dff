import { createAnnotation } from "@/lib/server/annotations/create-annotation";
import { getArticleAnnotations } from "@/lib/server/articles/get-article-annotations";
import { annotatorRoute, idParams, jsonBody, readerRoute } from "@/lib/server/route";
import { createAnnotationSchema } from "@/lib/validations/annotation";

const params = idParams("articleId");

export const GET = readerRoute({ action: "read this article", params }, async ({ actor, params: { articleId } }) => getArticleAnnotations({ actor, articleId }));

export const POST = annotatorRoute({ action: "annotate", params, body: jsonBody(createAnnotationSchema), status: 201 }, async ({ actor, params, body }) =>
  createAnnotation({ actor, articleId: params.articleId, input: body }),
);
