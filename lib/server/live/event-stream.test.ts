/**
 * One feed, two transports: runFeed's protocol (reconnect delay first, events handed over together
 * as one write, each event encoded once for every reader, backpressure, abort, the hub closing) and
 * the Web stream adapter, which subscribes only when read and not at all once the feed is taken.
 */
import { describe, expect, it, vi } from "vitest";
import type { ArticleEventDTO } from "@/lib/annotations/types";
import type { LiveSink } from "@/lib/server/live/article-event-hub";

vi.mock("server-only", () => ({}));
const { eventStreamResponse, MAX_QUEUED_BYTES, runFeed, takeFeed } = await import("./event-stream");

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const event = (id: string): ArticleEventDTO => ({ id, type: "note.deleted", noteId: `note-${id}` }) as unknown as ArticleEventDTO;

/** A transport that records each write and reports `queued` bytes behind. */
function recorder(queued = () => 0) {
  const writes: Uint8Array[] = [];
  const ends: boolean[] = [];
  return { writes, ends, transport: { write: (bytes: Uint8Array) => (writes.push(bytes), queued()), end: (overrun: boolean) => void ends.push(overrun) } };
}

/** A subscribe that hands out its sink and counts unsubscribes. */
function hubStub(onSubscribe: (sink: LiveSink) => void = () => {}) {
  const state = { sink: undefined as LiveSink | undefined, subscribed: 0, unsubscribed: 0 };
  const subscribe = (sink: LiveSink) => {
    state.sink = sink;
    state.subscribed++;
    onSubscribe(sink);
    return () => void state.unsubscribed++;
  };
  return { state, subscribe };
}

describe("runFeed", () => {
  it("sends the reconnect delay first, then events handed over together as one write, in order", () => {
    const { writes, transport } = recorder();
    const { state, subscribe } = hubStub();
    runFeed(transport, new AbortController().signal, subscribe);
    expect(text(writes[0]!)).toBe("retry: 2000\n\n: glossa live\n\n");
    state.sink!.events([event("7"), event("8"), event("9")]);
    expect(writes).toHaveLength(2);
    const chunk = text(writes[1]!);
    expect(chunk.match(/^id: \d+$/gm)).toEqual(["id: 7", "id: 8", "id: 9"]);
    expect(chunk).toContain('data: {"id":"7","type":"note.deleted","noteId":"note-7"}\n\n');
    state.sink!.heartbeat();
    state.sink!.presence([]);
    state.sink!.reset("gap", "12");
    expect(writes.slice(2).map(text)).toEqual([": heartbeat\n\n", 'event: presence\ndata: {"readers":[]}\n\n', 'id: 12\nevent: reset\ndata: {"reason":"gap"}\n\n']);
  });

  it("encodes an event once for all the feeds it goes to", () => {
    const shared = event("41");
    const feeds = [recorder(), recorder()].map(({ writes, transport }) => {
      const { state, subscribe } = hubStub();
      runFeed(transport, new AbortController().signal, subscribe);
      state.sink!.events([shared]);
      return writes[1]!;
    });
    expect(feeds[0]).toBe(feeds[1]);
  });

  it("cuts off a reader more than MAX_QUEUED_BYTES behind, unsubscribes once, and sends it nothing more", () => {
    let queued = 0;
    const { writes, ends, transport } = recorder(() => queued);
    const { state, subscribe } = hubStub();
    runFeed(transport, new AbortController().signal, subscribe);
    queued = MAX_QUEUED_BYTES;
    state.sink!.events([event("1")]);
    expect(ends).toEqual([]);
    queued = MAX_QUEUED_BYTES + 1;
    state.sink!.events([event("2")]);
    expect(ends).toEqual([true]);
    expect(state.unsubscribed).toBe(1);
    state.sink!.events([event("3")]);
    state.sink!.close();
    expect(writes).toHaveLength(3);
    expect(ends).toEqual([true]);
    expect(state.unsubscribed).toBe(1);
  });

  it("ends and unsubscribes when the client goes away, and when the hub closes the feed", () => {
    const gone = new AbortController();
    const first = recorder();
    const one = hubStub();
    runFeed(first.transport, gone.signal, one.subscribe);
    gone.abort();
    expect([first.ends, one.state.unsubscribed]).toEqual([[false], 1]);

    const second = recorder();
    const two = hubStub();
    runFeed(second.transport, new AbortController().signal, two.subscribe);
    two.state.sink!.close();
    expect([second.ends, two.state.unsubscribed]).toEqual([[false], 1]);
  });

  it("unsubscribes a feed the hub closed while subscribing (shutting down), and never subscribes for a client already gone", () => {
    const closing = hubStub((sink) => sink.close());
    const { ends, transport } = recorder();
    runFeed(transport, new AbortController().signal, closing.subscribe);
    expect([ends, closing.state.unsubscribed]).toEqual([[false], 1]);

    const gone = new AbortController();
    gone.abort();
    const never = hubStub();
    runFeed(recorder().transport, gone.signal, never.subscribe);
    expect(never.state.subscribed).toBe(0);
  });

  it("stops on a transport that throws (a stream closed under it)", () => {
    const { state, subscribe } = hubStub();
    let fail = false;
    const write = () => {
      if (fail) throw new Error("closed");
      return 0;
    };
    runFeed({ write, end: () => {} }, new AbortController().signal, subscribe);
    fail = true;
    state.sink!.heartbeat();
    expect(state.unsubscribed).toBe(1);
  });
});

describe("eventStreamResponse (the Web stream transport)", () => {
  it("subscribes on the first read, streams the feed, and unsubscribes when the reader cancels", async () => {
    const { state, subscribe } = hubStub();
    const response = eventStreamResponse(new AbortController().signal, subscribe);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-cache, no-store, no-transform");
    expect(response.headers.get("x-accel-buffering")).toBe("no");
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(state.subscribed).toBe(0);
    const reader = response.body!.getReader();
    expect(text((await reader.read()).value!)).toContain("retry: 2000");
    expect(state.subscribed).toBe(1);
    state.sink!.events([event("5"), event("6")]);
    expect(text((await reader.read()).value!)).toMatch(/^id: 5\n[\s\S]*id: 6\n/);
    await reader.cancel();
    expect(state.unsubscribed).toBe(1);
  });

  it("closes a reader that does not read once MAX_QUEUED_BYTES are queued", async () => {
    const { state, subscribe } = hubStub();
    const reader = eventStreamResponse(new AbortController().signal, subscribe).body!.getReader();
    await reader.read();
    const big = { ...event("1"), noteId: "x".repeat(64 * 1024) } as ArticleEventDTO;
    for (let i = 0; i < 20 && state.unsubscribed === 0; i++) state.sink!.events([{ ...big, id: String(i) }]);
    expect(state.unsubscribed).toBe(1);
  });

  it("is served once: a feed taken for another transport never subscribes again when the body is read", async () => {
    const { state, subscribe } = hubStub();
    const response = eventStreamResponse(new AbortController().signal, subscribe);
    const take = takeFeed(response)!;
    const { writes, transport } = recorder();
    take(transport);
    expect(state.subscribed).toBe(1);
    expect(text(writes[0]!)).toContain("retry: 2000");
    expect(await response.text()).toBe("");
    expect(state.subscribed).toBe(1);
    expect(takeFeed(new Response("{}"))).toBeNull();
  });
});
