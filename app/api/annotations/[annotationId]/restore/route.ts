import { restoreAnnotation } from "@/lib/server/annotations/restore-annotation";
import { annotatorRoute, idParams } from "@/lib/server/route";

/** Brings back a deleted annotation (undo). */
export const POST = annotatorRoute({ action: "change annotations", params: idParams("annotationId") }, async ({ actor, params }) =>
  restoreAnnotation({ actor, annotationId: params.annotationId }),
);
