import "server-only";
import type { Actor } from "@/lib/permissions";
import { notFound } from "@/lib/server/errors";
import { loadContainer, type ContainedAnnotation, type LoadedContainer } from "@/lib/server/protocol/load-container";
import { documentResponse } from "@/lib/server/protocol/protocol-response";

/**
 * One annotation of the container as this requester may read it; 404 for one that does not
 * exist, is on another article, was deleted, or is someone else's private work (alike, so an id
 * reveals nothing).
 */
export async function findContainedAnnotation({ actor, slug, annotationId }: { actor: Actor | null; slug: string; annotationId: string }): Promise<{ container: LoadedContainer; annotation: ContainedAnnotation }> {
  const container = await loadContainer({ actor, slug });
  const annotation = container.annotations.find((candidate) => candidate.annotationId === annotationId);
  if (!annotation) throw notFound("This annotation");
  return { container, annotation };
}

/** GET/HEAD on an annotation of an article's container. */
export async function getProtocolAnnotation({ actor, slug, annotationId, request }: { actor: Actor | null; slug: string; annotationId: string; request: Request }): Promise<Response> {
  const { annotation } = await findContainedAnnotation({ actor, slug, annotationId });
  return documentResponse(request, { kind: "annotation", document: annotation.document });
}
