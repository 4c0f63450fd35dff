import "server-only";
import { etagOf, noneMatchHits } from "@/lib/protocol/etag";
import { LDP_BASIC_CONTAINER, LDP_CONSTRAINED_BY, LDP_RESOURCE, linkHeader, PROTOCOL_SPEC } from "@/lib/protocol/link-header";
import { ANNO_MEDIA_TYPE } from "@/lib/annotations/w3c";
import { CONTENT_TYPE, negotiate, type Representation } from "@/lib/protocol/negotiation";
import { AppError } from "@/lib/server/errors";

/** The methods each protocol resource answers. */
export const CONTAINER_ALLOW = "GET, HEAD, OPTIONS, POST";
export const ANNOTATION_ALLOW = "GET, HEAD, OPTIONS, PUT, DELETE";
/** What a container accepts in a POST (and an annotation in a PUT). */
export const ACCEPT_POST = `${ANNO_MEDIA_TYPE}, application/ld+json, application/json`;

export type ResourceKind = "container" | "annotation";

/** The Link, Allow and Accept-Post headers that describe a container or an annotation. */
export function describingHeaders(kind: ResourceKind): Record<string, string> {
  if (kind === "annotation") return { Link: linkHeader([{ href: LDP_RESOURCE, rel: "type" }]), Allow: ANNOTATION_ALLOW };
  return {
    Link: linkHeader([
      { href: LDP_BASIC_CONTAINER, rel: "type" },
      { href: LDP_RESOURCE, rel: "type" },
      { href: PROTOCOL_SPEC, rel: LDP_CONSTRAINED_BY },
    ]),
    Allow: CONTAINER_ALLOW,
    "Accept-Post": ACCEPT_POST,
  };
}

/** The representation the Accept header allows, or 406 naming what is offered. */
export function representationFor(request: Request): Representation {
  const representation = negotiate(request.headers.get("accept"));
  if (!representation) {
    throw new AppError("NOT_ACCEPTABLE", `This resource is available as ${ANNO_MEDIA_TYPE} (the default) or application/json; the Accept header allows neither.`);
  }
  return representation;
}

/**
 * A protocol document as a response: the negotiated Content-Type, a strong ETag of its bytes
 * (304 when If-None-Match already has it), Vary on what changes the answer, Content-Location
 * (the document's own id), the resource's Link/Allow headers, and no body for HEAD. Answers are
 * per requester (private work differs), so shared caches must not keep them and browsers must
 * revalidate.
 */
export function documentResponse(request: Request, options: { kind: ResourceKind; document: { id: string }; status?: number; extra?: Record<string, string> }): Response {
  const representation = representationFor(request);
  const text = JSON.stringify(options.document);
  const etag = etagOf(text);
  const headers: Record<string, string> = {
    ...describingHeaders(options.kind),
    "Content-Type": CONTENT_TYPE[representation],
    ETag: etag,
    Vary: "Accept, Prefer, Authorization, Cookie, Origin",
    "Content-Location": options.document.id,
    "Cache-Control": "private, no-cache",
    ...options.extra,
  };
  const method = request.method.toUpperCase();
  if ((method === "GET" || method === "HEAD") && noneMatchHits(request.headers.get("if-none-match"), etag)) {
    return new Response(null, { status: 304, headers: { ETag: etag, Vary: headers.Vary!, "Content-Location": headers["Content-Location"]!, "Cache-Control": headers["Cache-Control"]! } });
  }
  return new Response(method === "HEAD" ? null : text, { status: options.status ?? 200, headers });
}

/** The answer to OPTIONS on a container or an annotation: what it allows and accepts, no body. */
export function optionsResponse(kind: ResourceKind): Response {
  return new Response(null, { status: 204, headers: { ...describingHeaders(kind), Vary: "Origin" } });
}

/** The current ETag of a document, as documentResponse would send it. */
export function currentEtag(document: unknown): string {
  return etagOf(JSON.stringify(document));
}
