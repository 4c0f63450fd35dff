import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/permissions";
import { containerDocument, pageDocument } from "@/lib/protocol/container";
import { containerPreference } from "@/lib/protocol/prefer";
import { AppError, notFound } from "@/lib/server/errors";
import { loadContainer } from "@/lib/server/protocol/load-container";
import { documentResponse } from "@/lib/server/protocol/protocol-response";

/** `?page=N` (0-based) and `&iris=1` for a page of IRIs; nothing else. */
export const containerQuerySchema = z
  .object({
    page: z.string().regex(/^\d{1,6}$/, "must be a page number (0, 1, …)").transform(Number).optional(),
    iris: z.enum(["0", "1"], { error: "must be 0 or 1" }).optional(),
  })
  .strict();

/**
 * GET/HEAD on an article's annotation container: the container (full descriptions, IRIs or a
 * minimal container, as Prefer asks) or, with `?page=N`, one of its pages.
 */
export async function getContainer({ actor, slug, request, query }: { actor: Actor | null; slug: string; request: Request; query: z.output<typeof containerQuerySchema> }): Promise<Response> {
  const { article, iris, annotations } = await loadContainer({ actor, slug });
  const documents = annotations.map((annotation) => annotation.document);
  if (query.page !== undefined) {
    const page = pageDocument({ links: iris, label: article.title, annotations: documents, index: query.page, iris: query.iris === "1" });
    if (!page) throw notFound(`Page ${query.page} of this container`);
    return documentResponse(request, { kind: "container", document: page });
  }
  if (query.iris !== undefined) throw new AppError("INVALID_INPUT", "iris= goes with page=: ask for the container's IRIs with Prefer: return=representation; include=\"http://www.w3.org/ns/oa#PreferContainedIRIs\".");
  const { preference, applied } = containerPreference(request.headers.get("prefer"));
  const document = containerDocument({ links: iris, label: article.title, annotations: documents, preference });
  return documentResponse(request, { kind: "container", document, extra: applied ? { "Preference-Applied": "return=representation" } : {} });
}
