import "server-only";
import type { Actor } from "@/lib/permissions";
import { ifMatchHolds } from "@/lib/protocol/etag";
import { deleteAnnotation } from "@/lib/server/annotations/delete-annotation";
import { AppError } from "@/lib/server/errors";
import { findContainedAnnotation } from "@/lib/server/protocol/get-protocol-annotation";
import { currentEtag } from "@/lib/server/protocol/protocol-response";

/**
 * DELETE of an annotation in an article's container: the reader's delete (who may: lib/permissions
 * through findAnnotationForWrite; open readers drop it live). An If-Match, when sent, must be the
 * current ETag (412). Answers 204.
 */
export async function deleteProtocolAnnotation({ actor, slug, annotationId, request }: { actor: Actor | null; slug: string; annotationId: string; request: Request }): Promise<Response> {
  const { annotation } = await findContainedAnnotation({ actor, slug, annotationId });
  const ifMatch = request.headers.get("if-match");
  if (ifMatch !== null && !ifMatchHolds(ifMatch, currentEtag(annotation.document))) {
    throw new AppError("PRECONDITION_FAILED", "This annotation changed since you read it (If-Match does not hold): GET it again and decide.");
  }
  await deleteAnnotation({ actor, annotationId });
  return new Response(null, { status: 204 });
}
