import type { z } from "zod";
import type { Actor } from "@/lib/permissions";
import { annotationBody } from "@/lib/server/protocol/annotation-body";
import { deleteProtocolAnnotation } from "@/lib/server/protocol/delete-protocol-annotation";
import { getProtocolAnnotation } from "@/lib/server/protocol/get-protocol-annotation";
import { optionsResponse } from "@/lib/server/protocol/protocol-response";
import { replaceProtocolAnnotation } from "@/lib/server/protocol/replace-protocol-annotation";
import { annotationParams } from "@/lib/server/protocol/container-params";
import { annotatorRoute, publicRoute, readerRoute } from "@/lib/server/route";

// One annotation of an article's Web Annotation Protocol container.
const params = annotationParams;
const readOptions = { action: "read this article", params };
const read = async ({ actor, params, request }: { actor: Actor | null; params: z.output<typeof annotationParams>; request: Request }) =>
  getProtocolAnnotation({ actor, slug: params.slug, annotationId: params.annotationId, request });

export const GET = readerRoute(readOptions, read);
export const HEAD = readerRoute(readOptions, read);
export const OPTIONS = publicRoute({}, async () => optionsResponse("annotation"));
export const PUT = annotatorRoute({ action: "change annotations", params, body: annotationBody }, async ({ actor, params, body, request }) =>
  replaceProtocolAnnotation({ actor, slug: params.slug, annotationId: params.annotationId, body, request }),
);
export const DELETE = annotatorRoute({ action: "change annotations", params }, async ({ actor, params, request }) =>
  deleteProtocolAnnotation({ actor, slug: params.slug, annotationId: params.annotationId, request }),
);
