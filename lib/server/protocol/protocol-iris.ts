import "server-only";
import { config } from "@/lib/config";
import { exportIris, type ExportIris } from "@/lib/exporting";
import type { ContainerIris } from "@/lib/protocol/container";

/**
 * Where an article's annotation container lives: `/api/containers/<slug>/` (an LDP container IRI
 * ends in `/`), each annotation under it. Keyed by the article's slug, which never changes and is
 * what the article page's URL holds, so the page can announce its container with a static Link
 * header (next.config.ts). Built on the site's public URL (BETTER_AUTH_URL).
 */
export interface ProtocolIris extends ContainerIris {
  annotation(id: string): string;
  /** The annotation id an IRI under this container names, or null. */
  annotationIdOf(iri: string): string | null;
  /** The IRIs the W3C mapping uses, with annotations named by their protocol IRI. */
  w3c: ExportIris;
}

/** The container's path, for the article page's Link header and link element. */
export function containerPath(slug: string): string {
  return `/api/containers/${encodeURIComponent(slug)}/`;
}

/** The IRIs of one article's container. */
export function protocolIris(slug: string, baseUrl = config().baseURL): ProtocolIris {
  const base = new URL(baseUrl).href.replace(/\/+$/, "");
  const container = `${base}${containerPath(slug)}`;
  const annotation = (id: string) => `${container}${encodeURIComponent(id)}`;
  const site = exportIris(base);
  return {
    container,
    page: (index, iris) => `${container}?page=${index}${iris ? "&iris=1" : ""}`,
    annotation,
    annotationIdOf(iri) {
      if (!iri.startsWith(container)) return null;
      const rest = iri.slice(container.length);
      return /^[^/?#]+$/.test(rest) ? decodeURIComponent(rest) : null;
    },
    w3c: { ...site, container: () => container, annotation: (_slug, id) => annotation(id) },
  };
}
