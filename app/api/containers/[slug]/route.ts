import type { z } from "zod";
import type { Actor } from "@/lib/permissions";
import { createProtocolAnnotation } from "@/lib/server/protocol/create-protocol-annotation";
import { annotationBody } from "@/lib/server/protocol/annotation-body";
import { containerQuerySchema, getContainer } from "@/lib/server/protocol/get-container";
import { optionsResponse } from "@/lib/server/protocol/protocol-response";
import { containerParams } from "@/lib/server/protocol/container-params";
import { annotatorRoute, publicRoute, readerRoute } from "@/lib/server/route";

// An article's Web Annotation Protocol container (an LDP BasicContainer and AnnotationCollection).
const params = containerParams;
const readOptions = { action: "read this article", params, query: containerQuerySchema };
const read = async ({ actor, params, query, request }: { actor: Actor | null; params: z.output<typeof containerParams>; query: z.output<typeof containerQuerySchema>; request: Request }) =>
  getContainer({ actor, slug: params.slug, request, query });

export const GET = readerRoute(readOptions, read);
export const HEAD = readerRoute(readOptions, read);
export const OPTIONS = publicRoute({}, async () => optionsResponse("container"));
export const POST = annotatorRoute({ action: "annotate", params, body: annotationBody }, async ({ actor, params, body, request }) =>
  createProtocolAnnotation({ actor, slug: params.slug, body, request }),
);
