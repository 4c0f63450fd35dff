import { reattachAnnotation } from "@/lib/server/articles/reattach-annotation";
import { annotatorRoute, idParams, jsonBody } from "@/lib/server/route";
import { reattachAnnotationSchema } from "@/lib/validations/article";

export const dynamic = "force-dynamic";

/** Re-attaches an orphaned annotation: `{ paragraphId, start, end, exact, prefix, suffix }` on the current text. */
export const POST = annotatorRoute(
  { action: "change annotations", params: idParams("annotationId"), body: jsonBody(reattachAnnotationSchema) },
  async ({ actor, params, body }) => reattachAnnotation({ actor, annotationId: params.annotationId, input: body }),
);
