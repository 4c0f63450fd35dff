import "server-only";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { NODE_SECURITY_HEADERS } from "@/lib/security-headers";
import { takeFeed, type FeedTransport } from "@/lib/server/live/event-stream";
import { installServerRequestHook, webHeadersOf } from "@/lib/server/server-request-hook";

/** The events route's handler, as Next calls it (app/api/articles/[articleId]/events/route.ts). */
export type FeedRouteHandler = (request: Request, context: { params: Promise<unknown> }) => Promise<Response>;

const FEED_PATH = /^\/api\/articles\/([^/?#]+)\/events(?:\?|$)/;

/**
 * Serves the article feed's requests (GET /api/articles/<id>/events) from the server's `request`
 * event, before Next.js sees them, writing the events straight to the Node response.
 *
 * Why: a route handler can only answer with a Web Response, which Next.js pipes to the socket
 * chunk by chunk, each chunk of each feed costing a read promise and a write promise (and Node
 * 20's async-context hooks on each). With 500 readers on one article that was most of the
 * server's time (README, Benchmarks: live).
 *
 * What it does not change: the request still goes through `route`, the route's own handler
 * (its gate: API token or session, the reader access, then openArticleFeed's read rules, cursor
 * and layer), called with a Web Request built from the Node one; an error answer (401, 403,
 * 404, 400) is written as the handler made it. Only a feed response is served here instead of
 * through its body, with the headers Next.js adds to every answer (next.config.ts). The session
 * cookies better-auth renews while the gate reads the session (its expiry once a day, its cookie
 * cache every 5 minutes) are on the route's answer too (the gate puts them there, see
 * getRequestSession): Next's `cookies()`, through which better-auth would set them, has no request here.
 * Install before installClientIpHook, which then wraps this one: requests are stamped with the
 * client's address, and a malformed path refused, before they get here.
 */
export function installLiveFeedHook(route: FeedRouteHandler): void {
  installServerRequestHook("glossa.liveFeedHook", (request, response) => {
    const articleId = feedArticleId(request);
    if (articleId === null) return false;
    void serveFeed(route, request, response, articleId);
    return true;
  });
}

/** The article id of a live feed request (`GET /api/articles/<id>/events[?…]`), decoded; null for any other request. */
export function feedArticleId(request: Pick<IncomingMessage, "method" | "url">): string | null {
  if (request.method !== "GET") return null;
  const match = FEED_PATH.exec(request.url ?? "");
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    // Malformed: left to the usual path, which answers 400.
    return null;
  }
}

/** Runs the route for a feed request and writes its answer: the feed itself straight to `response`. */
export async function serveFeed(route: FeedRouteHandler, request: IncomingMessage, response: ServerResponse, articleId: string): Promise<void> {
  // A write racing the client's going away must not become an unhandled 'error'.
  response.on("error", () => {});
  const gone = new AbortController();
  response.once("close", () => gone.abort());
  try {
    const answer = await route(webRequest(request, gone.signal), { params: Promise.resolve({ articleId }) });
    const feed = takeFeed(answer);
    if (response.destroyed) {
      await answer.body?.cancel().catch(() => {});
      return;
    }
    response.writeHead(answer.status, headersOf(answer));
    if (feed) {
      response.flushHeaders();
      feed(nodeTransport(response));
      return;
    }
    response.end(Buffer.from(await answer.arrayBuffer()));
  } catch (error) {
    console.error("[live] serving a feed failed", error);
    if (response.headersSent) response.destroy();
    else {
      const body = JSON.stringify({ error: { code: "INTERNAL", message: "Something went wrong on the server. Nothing was saved." } });
      response.writeHead(500, { ...NODE_SECURITY_HEADERS, "content-type": "application/json" });
      response.end(body);
    }
  }
}

/**
 * Writes to the response's socket itself, each chunk framed once for every feed it goes to.
 *
 * Why not `response.write`: for each feed it frames the chunk anew (a size line, the bytes, a
 * CRLF: three buffers), corks the socket and uncorks it on the next tick, which is one
 * `process.nextTick` and one writev per feed per delivery. An event goes to every reader of the
 * article with the same bytes, so its frame is the same too: built once (cached per chunk, see
 * framed()), then one `socket.write` per reader (~30% less CPU per delivery to 500 sockets; README,
 * Benchmarks: live). The headers were flushed before the first write, and the response's own
 * `end()` writes the last chunk after ours, so the socket sees one well-formed body; a client of
 * HTTP/1.0 (no chunked encoding) gets the bytes bare, its body ending when the connection does.
 */
export function nodeTransport(response: ServerResponse): FeedTransport {
  return {
    write(bytes) {
      const socket = response.socket;
      if (response.writableEnded || response.destroyed || !socket || socket.destroyed) throw new Error("The feed's response has ended.");
      socket.write(response.chunkedEncoding ? framed(bytes) : bytes);
      return socket.writableLength;
    },
    end(overrun) {
      // A reader too far behind is cut off now: ending politely would keep its backlog until it read it.
      if (overrun) response.destroy();
      else response.end();
    },
  };
}

/** Each chunk's frame in the chunked transfer coding (RFC 9112, 7.1), made once however many feeds it goes to. */
const frames = new WeakMap<Uint8Array, Buffer>();
function framed(bytes: Uint8Array): Buffer {
  let frame = frames.get(bytes);
  if (!frame) frames.set(bytes, (frame = Buffer.concat([Buffer.from(`${bytes.byteLength.toString(16)}\r\n`, "latin1"), bytes, CRLF])));
  return frame;
}
const CRLF = Buffer.from("\r\n", "latin1");

function webRequest(request: IncomingMessage, signal: AbortSignal): Request {
  // Only the path and query are read from the URL (the cursor); the host is not trusted for anything.
  return new Request(new URL(request.url ?? "/", "http://localhost"), { method: "GET", headers: webHeadersOf(request), signal });
}

/** The answer's own headers (CORS, content type, challenge) and the ones Next.js gives every answer. */
function headersOf(answer: Response): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = { ...NODE_SECURITY_HEADERS };
  answer.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value;
  });
  const cookies = answer.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  return headers;
}

