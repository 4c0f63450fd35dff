import "server-only";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { gzip } from "node:zlib";
import { ANNOTATION_SERVICE, linkHeader } from "@/lib/protocol/link-header";
import { isCacheablePageRequest, PAGE_RENDER_HEADER, pageCacheOrigin, readerPathSlug } from "@/lib/reading/page-cache-request";
import { NODE_SECURITY_HEADERS } from "@/lib/security-headers";
import type { PageAnswer } from "@/lib/server/cache/serve-cached-page";
import { serveHeldReaderPage } from "@/lib/server/cache/serve-reader-page";
import { installServerRequestHook, webHeadersOf } from "@/lib/server/server-request-hook";

/** A reader page request the hook may answer: its Web headers, path and this server's origin. */
interface HeldPageRequest {
  headers: Headers;
  path: string;
  origin: string;
}

/**
 * Answers the reader pages the page cache holds (and 304s to browsers holding them) from the
 * server's `request` event, before Next.js sees the request.
 *
 * Why: a cached page through Next costs the proxy, an in-process rewrite to the cache's route, the
 * route and Next's response pipeline (streams, promises, Node 20's async-context hooks on each) around
 * a string join: that machinery, not the page, was most of a cached page's time and its long tail
 * (README, Benchmarks: reading).
 *
 * What it does not change: the decision is the route's own (serveHeldReaderPage: the same viewer
 * lookup, article stamp, sharing rule, version, ETag and per-answer nonce as serveReaderPage), and
 * only its answer is written here, with the headers Next gives every page (next.config.ts: the
 * static security headers, the article's Link to its annotation container) and gzip when the
 * browser takes it, as Next's compression does. Everything else goes on to Next.js unchanged: a
 * page the cache does not hold yet (its route renders and keeps it), a request the proxy would not
 * send to the cache (isCacheablePageRequest; a prefetch; a cross-origin one, whose CORS headers the
 * route adds), an error. A page the cache may not answer (an unknown slug, a viewer with work of
 * their own, a page that cannot be shared) goes on marked as the cache's render (PAGE_RENDER_HEADER,
 * which anyone may send: it only skips the cache), so the page renders for its visitor at once
 * instead of the route rendering it again over a loopback connection. Answering from memory opens
 * no connection, so the hook serves while the server drains after SIGTERM (the proxy stops sending
 * misses to the cache once it stops accepting). Off where the cache is off (pageCacheOrigin).
 * Install before installClientIpHook, which then wraps it: the client's address is stamped, and a
 * malformed path refused, first.
 */
export function installReaderPageHook(): void {
  installServerRequestHook("glossa.readerPageHook", (request, response, passOn) => {
    const page = heldPageRequestOf(request);
    if (!page) return false;
    void answer(request, response, passOn, page);
    return true;
  });
}

/** The reader page request the hook may answer, or null for any other request (decided without a promise). */
export function heldPageRequestOf(request: Pick<IncomingMessage, "method" | "url" | "headers">): HeldPageRequest | null {
  const url = request.url ?? "";
  if (request.method !== "GET" || !url.startsWith("/articles/")) return null;
  const origin = pageCacheOrigin();
  // A prefetch reaches the page without the proxy (its matcher leaves it out); a cross-origin request gets the route's CORS headers.
  if (!origin || request.headers.purpose === "prefetch" || request.headers.origin !== undefined) return null;
  const at = url.indexOf("?");
  const [pathname, search] = at < 0 ? [url, ""] : [url.slice(0, at), url.slice(at)];
  const headers = webHeadersOf(request);
  if (!isCacheablePageRequest({ method: "GET", pathname, search, headers })) return null;
  return { headers, path: pathname, origin };
}

async function answer(request: IncomingMessage, response: ServerResponse, passOn: () => void, page: HeldPageRequest): Promise<void> {
  let held: PageAnswer | "render" | "miss";
  try {
    held = await serveHeldReaderPage(page);
  } catch (error) {
    // The route meets the same failure and answers it as every route does.
    console.error("[reading] answering a page from the page cache failed", error);
    passOn();
    return;
  }
  if (held === "miss") return passOn();
  if (held === "render") {
    request.headers[PAGE_RENDER_HEADER] = "1";
    return passOn();
  }
  // A client gone meanwhile: nothing to write, and a late write must not become an unhandled 'error'.
  response.on("error", () => {});
  if (response.destroyed) return;
  const headers = headersOf(held, page.path);
  if (held.body === null) {
    response.writeHead(held.status, headers);
    response.end();
    return;
  }
  const body = Buffer.from(held.body);
  if (!acceptsGzip(request.headers["accept-encoding"]) || body.length < GZIP_THRESHOLD) {
    response.writeHead(held.status, { ...headers, "content-length": body.length });
    response.end(body);
    return;
  }
  // In libuv's thread pool: the event loop goes on serving while the page is compressed.
  gzip(body, (error, compressed) => {
    if (response.destroyed) return;
    if (error) {
      response.writeHead(held.status, { ...headers, "content-length": body.length });
      response.end(body);
      return;
    }
    response.writeHead(held.status, { ...headers, "content-encoding": "gzip", "content-length": compressed.length });
    response.end(compressed);
  });
}

/** Next's compression leaves smaller bodies as they are (1 KB, as the `compression` package it uses). */
const GZIP_THRESHOLD = 1024;

/** Whether an Accept-Encoding header takes gzip (named with a q above 0, or `*`). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(",") : (header ?? "");
  return value.split(",").some((part) => {
    const [coding, ...parameters] = part.trim().toLowerCase().split(";");
    if (coding !== "gzip" && coding !== "*") return false;
    const q = parameters.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/**
 * The answer's headers and those Next gives a reader page (next.config.ts): the static security
 * headers and the Link to the article's annotation container. The page varies with Accept-Encoding
 * too, since it may be compressed.
 */
function headersOf(answer: PageAnswer, path: string): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = { ...NODE_SECURITY_HEADERS };
  headers.link = linkHeader([{ href: `/api/containers/${readerPathSlug(path)}/`, rel: ANNOTATION_SERVICE }]);
  for (const [name, value] of Object.entries(answer.headers)) headers[name.toLowerCase()] = value;
  if (answer.status === 200) {
    const vary = (answer.headers.Vary ?? "").split(",").map((name) => name.trim()).filter(Boolean);
    if (!vary.some((name) => name.toLowerCase() === "accept-encoding")) vary.push("Accept-Encoding");
    headers.vary = vary.join(", ");
  }
  return headers;
}
