import { annotationFileBody } from "@/lib/server/import-annotations/annotation-file-body";
import { importAnnotations, importAnnotationsOptionsSchema } from "@/lib/server/import-annotations/import-annotations";
import { annotatorRoute, idParams } from "@/lib/server/route";

/**
 * POST a W3C JSON-LD file (`application/ld+json` or `application/json`; `?visibility=SHARED|PRIVATE`):
 * its annotations anchored on the article as the caller's own, all or nothing, answered with the
 * report of what anchored, what was already there and what was orphaned and why.
 */
export const POST = annotatorRoute(
  { action: "import annotations", params: idParams("articleId"), query: importAnnotationsOptionsSchema, body: annotationFileBody },
  async ({ actor, params, query, body }) => importAnnotations({ actor, articleId: params.articleId, file: body, options: query }),
);
