/**
 * Graceful shutdown in one process against a real PostgreSQL (the hub's feeds need one): on
 * SIGTERM the open live feeds close and new ones close at once, health reports stopping, and an
 * HTTP server's close() — what Next.js calls on SIGTERM — waits out the drain time, serving
 * meanwhile, before it stops accepting. The whole path with a production server is
 * e2e/two-instances.spec.ts.
 */
import { EventEmitter } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it, vi } from "vitest";
import { testDatabase } from "@/lib/server/testing/test-database";
import { subscribeToArticle } from "@/lib/server/live/article-event-hub";
import { installGracefulShutdown } from "./graceful-shutdown";
import { hasStoppedAccepting, isShuttingDown } from "./shutdown-state";

const DRAIN_MS = 600;
const database = testDatabase("glossa-graceful-shutdown-test");
// The process's signals, for this test (the test runner has SIGTERM handlers of its own), and
// Next.js's handler on them.
const signals = new EventEmitter();
const nextHandler = vi.fn();

/** A feed as eventStreamResponse makes it: closing it (the hub's doing here) unsubscribes it. */
function feed(articleId: string) {
  let closed = false;
  const presence: unknown[] = [];
  const unsubscribe = subscribeToArticle({
    articleId,
    viewer: { actor: null, policy: { requireSignIn: false } },
    sessionId: null,
    after: null,
    sink: {
      events: () => {},
      reset: () => {},
      presence: (readers) => presence.push(readers),
      heartbeat: () => {},
      close: () => {
        closed = true;
        queueMicrotask(() => unsubscribe());
      },
    },
  });
  return { isClosed: () => closed, presence };
}

const get = (port: number, agent: http.Agent | false = false) =>
  new Promise<number | string>((resolve) => {
    http
      .get({ port, host: "127.0.0.1", path: "/", agent }, (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
      })
      .on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });

describe("on SIGTERM", () => {
  it("closes the live feeds (and each new one), reports stopping, and keeps accepting for the drain time before the server closes", async () => {
    const { articleId } = await database.newArticle("Текст статьи для проверки остановки.");
    process.env.GLOSSA_SHUTDOWN_DRAIN_MS = String(DRAIN_MS);
    installGracefulShutdown(signals);
    signals.on("SIGTERM", nextHandler);
    const server = http.createServer((_, response) => setTimeout(() => response.end("ok"), 50));
    server.keepAliveTimeout = 65_000; // as scripts/standalone.ts starts the server
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;

    const feeds = [feed(articleId), feed(articleId)];
    // Subscribed for real: the hub sent each its first presence list.
    await vi.waitFor(() => expect(feeds.every((open) => open.presence.length > 0)).toBe(true), { timeout: 15_000 });
    expect(feeds.some((open) => open.isClosed())).toBe(false);
    expect(isShuttingDown()).toBe(false);
    expect(hasStoppedAccepting()).toBe(false);

    signals.emit("SIGTERM");
    const signalledAt = Date.now();
    expect(nextHandler).toHaveBeenCalledOnce();
    expect(isShuttingDown()).toBe(true);
    expect(feeds.every((open) => open.isClosed())).toBe(true);
    expect(feed(articleId).isClosed()).toBe(true);

    // What Next.js does next: close the server. During the drain it still serves new connections ...
    const closed = new Promise<number>((resolve) => server.close(() => resolve(Date.now())));
    expect(await get(port)).toBe(200);
    expect(hasStoppedAccepting()).toBe(false); // the page cache is still used
    // A browser keeps its connection for minutes: one busy as close() stops accepting does not hold it up.
    const browserLike = new http.Agent({ keepAlive: true, timeout: 300_000 });
    await new Promise((resolve) => setTimeout(resolve, signalledAt + DRAIN_MS - 20 - Date.now()));
    const kept = get(port, browserLike);
    // ... then it stops accepting, and close() completes.
    expect(await kept).toBe(200);
    const closedAt = await closed;
    expect(hasStoppedAccepting()).toBe(true); // pages are rendered as they stand, with no connection to the server itself
    expect(closedAt).toBeGreaterThanOrEqual(signalledAt + DRAIN_MS - 20);
    expect(closedAt).toBeLessThan(signalledAt + DRAIN_MS + 3_000);
    browserLike.destroy();
    // Refused, or reset when the connect raced the listener's close: either way, never served.
    expect(["ECONNREFUSED", "ECONNRESET"]).toContain(await get(port));
  });
});
