import { deleteAnnotation } from "@/lib/server/annotations/delete-annotation";
import { updateAnnotation } from "@/lib/server/annotations/update-annotation";
import { annotatorRoute, idParams, jsonBody } from "@/lib/server/route";
import { updateAnnotationSchema } from "@/lib/validations/annotation";

const params = idParams("annotationId");

export const PATCH = annotatorRoute({ action: "change annotations", params, body: jsonBody(updateAnnotationSchema) }, async ({ actor, params, body }) =>
  updateAnnotation({ actor, annotationId: params.annotationId, input: body }),
);

export const DELETE = annotatorRoute({ action: "change annotations", params }, async ({ actor, params }) =>
  deleteAnnotation({ actor, annotationId: params.annotationId }),
);
