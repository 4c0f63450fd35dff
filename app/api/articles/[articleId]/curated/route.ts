import { adoptVersion } from "@/lib/server/agreement/adopt-version";
import { listCuratedAnnotations } from "@/lib/server/agreement/list-curated-annotations";
import { annotatorRoute, idParams, jsonBody, readerRoute } from "@/lib/server/route";
import { adoptVersionSchema } from "@/lib/validations/curation";

const params = idParams("articleId");

/** The article's curated (gold) layer: `{ data: CuratedAnnotationDTO[] }`. */
export const GET = readerRoute({ action: "read this article", params }, async ({ actor, params: { articleId } }) => listCuratedAnnotations({ actor, articleId }));

/** Adopt a version of a stretch into the curated layer (curators and admins): answers the stretch's curated annotations. */
export const POST = annotatorRoute({ action: "curate", params, body: jsonBody(adoptVersionSchema) }, async ({ actor, params: { articleId }, body }) =>
  adoptVersion({ actor, articleId, input: body }),
);
