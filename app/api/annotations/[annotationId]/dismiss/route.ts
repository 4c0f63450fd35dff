import { dismissAnnotation } from "@/lib/server/articles/dismiss-annotation";
import { annotatorRoute, idParams } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** Dismisses an orphaned annotation from Needs review (kept, never deleted). */
export const POST = annotatorRoute({ action: "change annotations", params: idParams("annotationId") }, async ({ actor, params }) =>
  dismissAnnotation({ actor, annotationId: params.annotationId }),
);
