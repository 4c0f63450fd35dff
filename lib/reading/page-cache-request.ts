/*
 * Which requests the reader-page cache may answer (lib/server/cache/serve-cached-page.ts).
 * Pure: proxy.ts asks it for every page request, and the cache's route checks the path it is given.
 */
import { isStorableText } from "@/lib/validations/storable";

/**
 * The header of the cache's own render of a page (a miss): the proxy then lets the request reach
 * the page, instead of sending it back to the cache. Anyone may send it; it only skips the cache.
 */
export const PAGE_RENDER_HEADER = "x-glossa-page-render";

/**
 * The page the proxy sends to the cache, as a request header beside the `path` query. Started as
 * "localhost", Next rewrites to the cache's route within the process, and the route then sees the
 * page's own URL, without the query (every anonymous reader page answered 400 from `npm start`).
 * Anyone may send it; like `path`, it names a page the route serves to anyone.
 */
export const PAGE_PATH_HEADER = "x-glossa-page-path";

/** An article's reader page, as a browser asks for it: one percent-encoded path segment after /articles/. */
const READER_PATH = /^\/articles\/([^/?#]{1,1024})$/;

/** The raw (percent-encoded) slug of a reader page's path, or null when `pathname` is not one. */
export function readerPathSlug(pathname: string): string | null {
  return READER_PATH.exec(pathname)?.[1] ?? null;
}

/**
 * The slug a raw path segment names, or null: a malformed percent-encoding (`%E0%A4%A`) or a NUL
 * (`%00`, which PostgreSQL refuses) names no article (404, not 500).
 */
export function decodeSlug(rawSlug: string): string | null {
  try {
    const slug = decodeURIComponent(rawSlug);
    return isStorableText(slug) ? slug : null;
  } catch {
    return null;
  }
}

/**
 * Whether `pathname` is a reader page whose slug decodes: a malformed one (`%E0%A4%A`, `%00`)
 * goes straight to the page, which answers it 404, never through the cache's rewrite (whose query
 * Next drops for such a path, and which has no page to keep anyway).
 */
function namesASlug(pathname: string): boolean {
  const rawSlug = readerPathSlug(pathname);
  return rawSlug !== null && decodeSlug(rawSlug) !== null;
}

/** What the proxy knows of a page request. */
export interface PageRequest {
  method: string;
  pathname: string;
  /** The query string, with its `?` ("" for none). */
  search: string;
  headers: Headers;
}

/**
 * Whether the page cache answers this request: a plain GET of a reader page (the document, not
 * the router's RSC payload of a client-side navigation, which has its own headers or `?_rsc=`),
 * with no query string (the page would carry it), and not the cache's own render. Signed in or
 * not: the cache decides what it may share (serve-cached-page.ts).
 */
export function isCacheablePageRequest({ method, pathname, search, headers }: PageRequest): boolean {
  return (
    method === "GET" &&
    search === "" &&
    namesASlug(pathname) &&
    !headers.has(PAGE_RENDER_HEADER) &&
    !headers.has("rsc") &&
    !headers.has("next-router-state-tree") &&
    !headers.has("next-router-prefetch")
  );
}

/**
 * Where the page cache asks this server for a page it does not hold, or null when the cache is
 * off: in development (pages change with the sources), with GLOSSA_PAGE_CACHE=off, or before Next
 * has said where it listens (`__NEXT_PRIVATE_ORIGIN`, which Next's server sets when it starts
 * listening, for its own requests to itself: the address of this very process, never a load balancer's).
 */
export function pageCacheOrigin(env: Record<string, string | undefined> = process.env): string | null {
  if (env.NODE_ENV !== "production" || env.GLOSSA_PAGE_CACHE === "off") return null;
  return env.__NEXT_PRIVATE_ORIGIN || null;
}
