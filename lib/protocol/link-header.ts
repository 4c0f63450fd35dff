/** The protocol's link relations and types (Web Annotation Protocol §§ 4–5, LDP). */
export const LDP_RESOURCE = "http://www.w3.org/ns/ldp#Resource";
export const LDP_BASIC_CONTAINER = "http://www.w3.org/ns/ldp#BasicContainer";
export const LDP_CONSTRAINED_BY = "http://www.w3.org/ns/ldp#constrainedBy";
export const ANNOTATION_SERVICE = "http://www.w3.org/ns/oa#annotationService";
/** What `constrainedBy` points to: the protocol, whose rules (and Glossa's, in the error messages) a POST must follow. */
export const PROTOCOL_SPEC = "https://www.w3.org/TR/annotation-protocol/";

/** A Link header value (RFC 8288) from target IRIs and their relations. */
export function linkHeader(links: { href: string; rel: string }[]): string {
  return links.map(({ href, rel }) => `<${href}>; rel="${rel}"`).join(", ");
}
