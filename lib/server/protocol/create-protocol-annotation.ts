import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/permissions";
import { insertAnnotation } from "@/lib/server/annotations/create-annotation";
import { unauthenticated } from "@/lib/server/errors";
import { findContainedAnnotation } from "@/lib/server/protocol/get-protocol-annotation";
import { loadContainer } from "@/lib/server/protocol/load-container";
import { documentResponse } from "@/lib/server/protocol/protocol-response";
import { w3cCreateInput } from "@/lib/server/protocol/w3c-create-input";

/**
 * POST to an article's container: stores the annotation as the reader would (same permission
 * checks — the person's role in the project layer it goes into, not their site role — same live events, so open readers see it at once) with the server's own id under the
 * container; `canonical` is kept as given and the client's `id` becomes `via`. Answers 201 with
 * Location and the stored annotation.
 */
export async function createProtocolAnnotation({ actor, slug, body, request }: { actor: Actor | null; slug: string; body: unknown; request: Request }): Promise<Response> {
  if (!actor) throw unauthenticated("annotate");
  const container = await loadContainer({ actor, slug });
  const { data, canonical, via } = await w3cCreateInput(body, container);
  const created = await db().$transaction(async (tx) => {
    const annotation = await insertAnnotation(tx, { actor, articleId: container.article.id, data });
    if (canonical !== null || via !== null) await tx.annotationProvenance.create({ data: { annotationId: annotation.id, canonical, via } });
    return annotation;
  });
  const { annotation } = await findContainedAnnotation({ actor, slug, annotationId: created.id });
  return documentResponse(request, { kind: "annotation", document: annotation.document, status: 201, extra: { Location: annotation.id } });
}
