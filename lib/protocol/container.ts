import { ANNO_CONTEXT } from "@/lib/annotations/w3c";
import type { ContainerPreference } from "./prefer";

/**
 * The documents of an annotation container (Web Annotation Protocol § 5): the container, which is
 * both an LDP BasicContainer and an AnnotationCollection, and its pages. Pure: the caller gives
 * the annotations (already filtered to what the requester may read) and the IRIs.
 */

export const LDP_CONTEXT = "http://www.w3.org/ns/ldp.jsonld";
/** Annotations per page. */
export const PAGE_SIZE = 20;

/** How a container names its pages; `iris` pages list IRIs, the others full descriptions. */
export interface ContainerIris {
  container: string;
  page(index: number, iris: boolean): string;
}

export interface ContainedAnnotation {
  id: string;
}

/** The number of pages `total` annotations fill (0 for none). */
export function pageCount(total: number, pageSize = PAGE_SIZE): number {
  return Math.ceil(total / pageSize);
}

/** The annotations on page `index`, as descriptions or as their IRIs. */
function pageItems<T extends ContainedAnnotation>(annotations: readonly T[], index: number, iris: boolean, pageSize: number): (T | string)[] {
  const slice = annotations.slice(index * pageSize, (index + 1) * pageSize);
  return iris ? slice.map((annotation) => annotation.id) : slice;
}

/** The page's own members: id, type, neighbours and items (partOf is the caller's: embedded or full). */
function pageBody<T extends ContainedAnnotation>(annotations: readonly T[], index: number, iris: boolean, links: ContainerIris, pageSize: number) {
  const pages = pageCount(annotations.length, pageSize);
  return {
    id: links.page(index, iris),
    type: "AnnotationPage",
    startIndex: index * pageSize,
    ...(index + 1 < pages ? { next: links.page(index + 1, iris) } : {}),
    ...(index > 0 ? { prev: links.page(index - 1, iris) } : {}),
    items: pageItems(annotations, index, iris, pageSize),
  };
}

/**
 * The container: `total`, `first` and `last` (absent when it is empty). With full descriptions or
 * IRIs the first page is embedded (and its items are descriptions or IRIs); a minimal container
 * names its pages only.
 */
export function containerDocument<T extends ContainedAnnotation>(options: {
  links: ContainerIris;
  label: string;
  annotations: readonly T[];
  preference: ContainerPreference;
  modified?: string;
  pageSize?: number;
}) {
  const { links, annotations, preference, pageSize = PAGE_SIZE } = options;
  const pages = pageCount(annotations.length, pageSize);
  const iris = preference === "iris";
  const first = pages === 0 ? undefined : preference === "minimal" ? links.page(0, false) : pageBody(annotations, 0, iris, links, pageSize);
  return {
    "@context": [ANNO_CONTEXT, LDP_CONTEXT],
    id: links.container,
    type: ["BasicContainer", "AnnotationCollection"],
    label: options.label,
    total: annotations.length,
    ...(options.modified ? { modified: options.modified } : {}),
    ...(first !== undefined ? { first, last: links.page(pages - 1, iris) } : {}),
  };
}

/**
 * Page `index` (0-based), or null past the last page (an empty container has no pages). `partOf`
 * describes the container (id, label, total), so a client that starts from a page knows its size.
 */
export function pageDocument<T extends ContainedAnnotation>(options: { links: ContainerIris; label: string; annotations: readonly T[]; index: number; iris: boolean; pageSize?: number }) {
  const { links, annotations, index, iris, pageSize = PAGE_SIZE } = options;
  if (index >= pageCount(annotations.length, pageSize)) return null;
  return {
    "@context": ANNO_CONTEXT,
    ...pageBody(annotations, index, iris, links, pageSize),
    partOf: { id: links.container, type: "AnnotationCollection", label: options.label, total: annotations.length },
  };
}
