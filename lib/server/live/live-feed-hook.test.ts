/**
 * The live feed's Node path with a real HTTP server: only `GET /api/articles/<id>/events` is taken
 * from Next.js (whose listener stands in here), the route's answer is written as it made it (an
 * error as JSON, with the headers Next.js adds to every answer), the feed goes straight to the
 * socket, and a client that leaves or stops reading is let go and unsubscribed.
 */
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { LiveSink } from "@/lib/server/live/article-event-hub";
import type { ArticleEventDTO } from "@/lib/annotations/types";

vi.mock("server-only", () => ({}));
const { eventStreamResponse, MAX_QUEUED_BYTES } = await import("./event-stream");
const { feedArticleId, installLiveFeedHook } = await import("./live-feed-hook");

interface Feed {
  request: Request;
  articleId: string;
  sink?: LiveSink;
  unsubscribed: number;
}
const feeds: Feed[] = [];
const nextSaw: string[] = [];

/** The route: 404 JSON for "missing", a thrown error for "broken", else a feed whose sink the test drives. */
async function route(request: Request, context: { params: Promise<unknown> }): Promise<Response> {
  const { articleId } = (await context.params) as { articleId: string };
  if (articleId === "broken") throw new Error("boom");
  if (articleId === "missing") {
    return new Response(JSON.stringify({ error: { code: "NOT_FOUND", message: "The article was not found." } }), { status: 404, headers: { "Content-Type": "application/json" } });
  }
  const feed: Feed = { request, articleId, unsubscribed: 0 };
  feeds.push(feed);
  return eventStreamResponse(request.signal, (sink) => {
    feed.sink = sink;
    return () => void feed.unsubscribed++;
  });
}

let server: http.Server;
let port: number;
beforeAll(async () => {
  installLiveFeedHook(route);
  server = http.createServer((request, response) => {
    nextSaw.push(`${request.method} ${request.url}`);
    response.end("next");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(check()).toBe(true);
};

/** The feed the route opened for `articleId`, once the hub has subscribed it. */
async function untilFeed(articleId: string): Promise<Feed> {
  await until(() => feeds.some((feed) => feed.articleId === articleId && feed.sink !== undefined));
  return feeds.find((feed) => feed.articleId === articleId)!;
}

function open(path: string, headers: Record<string, string> = {}, method = "GET") {
  return new Promise<http.IncomingMessage>((resolve, reject) => {
    http.request({ host: "127.0.0.1", port, path, method, headers, agent: false }, resolve).on("error", reject).end();
  });
}

async function bodyOf(response: http.IncomingMessage): Promise<string> {
  let text = "";
  for await (const chunk of response) text += String(chunk);
  return text;
}

const event = (id: string): ArticleEventDTO => ({ id, type: "note.deleted", noteId: `n${id}` }) as unknown as ArticleEventDTO;

describe("feedArticleId", () => {
  it.each([
    ["GET", "/api/articles/abc/events", "abc"],
    ["GET", "/api/articles/abc/events?after=12", "abc"],
    ["GET", "/api/articles/%D1%81%D1%82/events", "ст"],
    ["GET", "/api/articles/%E0%A4%A/events", null],
    ["POST", "/api/articles/abc/events", null],
    ["HEAD", "/api/articles/abc/events", null],
    ["GET", "/api/articles/abc/events/", null],
    ["GET", "/api/articles/abc/events/x", null],
    ["GET", "/api/articles//events", null],
    ["GET", "/api/articles/a/b/events", null],
    ["GET", "/articles/abc/events", null],
    ["GET", "/api/articles/abc/eventsx", null],
  ])("%s %s → %s", (method, url, expected) => {
    expect(feedArticleId({ method, url })).toBe(expected);
  });
});

describe("the live feed hook", () => {
  it("leaves every other request to Next.js", async () => {
    for (const [method, path] of [
      ["GET", "/api/health"],
      ["POST", "/api/articles/abc/events"],
      ["GET", "/api/articles/abc/events/"],
    ] as const) {
      const response = await open(path, {}, method);
      expect(await bodyOf(response)).toBe("next");
    }
    expect(nextSaw).toEqual(["GET /api/health", "POST /api/articles/abc/events", "GET /api/articles/abc/events/"]);
    expect(feeds).toHaveLength(0);
  });

  it("hands the route the request's headers, cursor and decoded id, and streams the feed with the feed's and every answer's headers", async () => {
    const response = await open("/api/articles/%D1%81%D1%82/events?after=41", { Cookie: "a=1; glossa-layers=p1", "Last-Event-ID": "40", Authorization: "Bearer t" });
    expect(response.statusCode).toBe(200);
    expect(response.headers).toMatchObject({
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-store, no-transform",
      "x-accel-buffering": "no",
      "x-content-type-options": "nosniff",
      "x-frame-options": "DENY",
      "referrer-policy": "strict-origin-when-cross-origin",
    });
    const feed = feeds.at(-1)!;
    expect(feed.articleId).toBe("ст");
    expect(new URL(feed.request.url).searchParams.get("after")).toBe("41");
    expect([feed.request.headers.get("cookie"), feed.request.headers.get("last-event-id"), feed.request.headers.get("authorization")]).toEqual(["a=1; glossa-layers=p1", "40", "Bearer t"]);

    const chunks: string[] = [];
    response.on("data", (chunk: Buffer) => chunks.push(String(chunk)));
    await until(() => chunks.join("").includes("glossa live"));
    feed.sink!.events([event("41"), event("42")]);
    await until(() => chunks.join("").includes("id: 42"));
    expect(chunks.join("")).toMatch(/id: 41\nevent: note.deleted\ndata: .*\n\nid: 42\n/);
    // The hub closing the feed ends the response: the browser reconnects with its Last-Event-ID.
    const ended = new Promise((resolve) => response.on("end", resolve));
    feed.sink!.close();
    await ended;
    expect(feed.unsubscribed).toBe(1);
  });

  it("writes each delivery to the socket as one well-formed chunk (its size in bytes), and ends the body so the connection can be reused", async () => {
    const socket = net.connect(port, "127.0.0.1");
    let raw = "";
    socket.setEncoding("latin1");
    socket.on("data", (chunk: string) => (raw += chunk));
    socket.write("GET /api/articles/framed/events HTTP/1.1\r\nHost: x\r\n\r\n");
    const feed = await untilFeed("framed");
    await until(() => raw.includes("glossa live"));
    const shared = event("7");
    feed.sink!.events([shared]);
    feed.sink!.events([{ ...shared, noteId: "ж" } as ArticleEventDTO]);
    // (Read as latin1, byte by byte: the chunk sizes count bytes.)
    await until(() => raw.split("id: 7\n").length === 3);
    feed.sink!.close();
    await until(() => raw.endsWith("\r\n0\r\n\r\n"));
    const body = raw.slice(raw.indexOf("\r\n\r\n") + 4);
    expect(raw).toMatch(/^HTTP\/1\.1 200 OK\r\n[^]*transfer-encoding: chunked\r\n/i);
    // Each chunk: its size in hex (bytes, not characters: "ж" is two), CRLF, the bytes, CRLF.
    const chunks: string[] = [];
    for (let at = 0; ; ) {
      const lineEnd = body.indexOf("\r\n", at);
      const size = parseInt(body.slice(at, lineEnd), 16);
      if (size === 0) break;
      chunks.push(Buffer.from(body.slice(lineEnd + 2, lineEnd + 2 + size), "latin1").toString("utf8"));
      expect(body.slice(lineEnd + 2 + size, lineEnd + 4 + size)).toBe("\r\n");
      at = lineEnd + 4 + size;
    }
    expect(chunks.slice(-2)).toEqual([
      'id: 7\nevent: note.deleted\ndata: {"id":"7","type":"note.deleted","noteId":"n7"}\n\n',
      'id: 7\nevent: note.deleted\ndata: {"id":"7","type":"note.deleted","noteId":"ж"}\n\n',
    ]);
    // The connection is still good for the next request (keep-alive), as after any answer.
    raw = "";
    socket.write("GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n");
    await until(() => raw.endsWith("next"));
    socket.destroy();
  });

  it("sends an HTTP/1.0 client the bytes bare, the body ending with the connection", async () => {
    const socket = net.connect(port, "127.0.0.1");
    let raw = "";
    socket.setEncoding("latin1");
    socket.on("data", (chunk: string) => (raw += chunk));
    const closed = new Promise((resolve) => socket.on("close", resolve));
    socket.write("GET /api/articles/old-client/events HTTP/1.0\r\n\r\n");
    const feed = await untilFeed("old-client");
    await until(() => raw.includes("glossa live"));
    feed.sink!.events([event("8")]);
    feed.sink!.close();
    await closed;
    expect(raw).not.toMatch(/transfer-encoding/i);
    expect(raw.slice(raw.indexOf("\r\n\r\n") + 4)).toBe('retry: 2000\n\n: glossa live\n\nid: 8\nevent: note.deleted\ndata: {"id":"8","type":"note.deleted","noteId":"n8"}\n\n');
  });

  it("answers the route's refusal as it made it, with the headers of every answer", async () => {
    const response = await open("/api/articles/missing/events");
    expect(response.statusCode).toBe(404);
    expect(response.headers["content-type"]).toBe("application/json");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(JSON.parse(await bodyOf(response))).toEqual({ error: { code: "NOT_FOUND", message: "The article was not found." } });
  });

  it("answers 500 JSON when the route fails", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = await open("/api/articles/broken/events");
    expect(response.statusCode).toBe(500);
    expect(JSON.parse(await bodyOf(response))).toMatchObject({ error: { code: "INTERNAL" } });
    error.mockRestore();
  });

  it("unsubscribes a feed whose client goes away", async () => {
    const response = await open("/api/articles/leaving/events");
    const feed = feeds.at(-1)!;
    await until(() => feed.sink !== undefined);
    response.destroy();
    await until(() => feed.unsubscribed === 1);
    expect(feed.request.signal.aborted).toBe(true);
  });

  it("cuts off a client that stops reading once MAX_QUEUED_BYTES are queued for it, and unsubscribes it", async () => {
    const response = await open("/api/articles/stalled/events");
    response.pause();
    response.socket.pause();
    const feed = feeds.at(-1)!;
    await until(() => feed.sink !== undefined);
    const big = "x".repeat(256 * 1024);
    let sent = 0;
    // The kernel's socket buffers take some first; after that, the response's own queue grows to the limit.
    while (feed.unsubscribed === 0 && sent < 64 * MAX_QUEUED_BYTES) {
      feed.sink!.events([{ ...event(String(sent)), noteId: big } as ArticleEventDTO]);
      sent += big.length;
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(feed.unsubscribed).toBe(1);
    response.destroy();
  });
});
