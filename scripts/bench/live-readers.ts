/**
 * The live benchmark's readers, in a process of their own (forked by
 * live-bench.ts): parsing hundreds of feeds in the writers' process would delay the
 * writers' own responses and count that as server latency. Parent → child:
 * `{ type: "start", readers: [{ feed, cookie }] }`, then `{ type: "collect", ids }` (the
 * annotation ids each feed must have received); child → parent: `{ type: "connected" }`, then
 * `{ type: "receipts", readers }`, in the order they were started. Same machine, so `Date.now()`
 * is one clock for both. A reader with no cookie is anonymous (the sample is public).
 *
 * Why so plain: 500 readers share this one event loop, so whatever a reader does when bytes
 * arrive delays the readers after it, and their receipt times with it (the harness measuring
 * itself). Each reader is a bare `http.get` (no fetch: no Web stream, no promise per chunk); a
 * chunk is only timestamped and kept when it arrives, and parsed (lib/live/sse) when the parent
 * collects. A receipt time is when the chunk holding the event reached this process's JavaScript.
 */
import http from "node:http";
import { SseParser } from "../../lib/live/sse";

export interface Receipt {
  at: number;
  eventId: bigint;
}

export interface ReaderReceipts {
  received: Map<string, Receipt[]>;
  order: bigint[];
}

export type ToReaders = { type: "start"; readers: { feed: string; cookie: string }[] } | { type: "collect"; ids: Record<string, string[]> };
export type FromReaders = { type: "connected" } | { type: "receipts"; readers: ReaderReceipts[] };

/** One reader: an HTTP GET of the feed whose chunks are stamped with their arrival time, parsed later. */
class SseReader {
  private readonly chunks: string[] = [];
  private readonly arrivals: number[] = [];
  private parsed: ReaderReceipts | null = null;
  private consumed = 0;
  private readonly parser = new SseParser();
  open = false;

  constructor(
    readonly feed: string,
    cookie: string,
  ) {
    // Its own connection (no agent pooling, no keep-alive queueing): one socket per reader, as browsers hold.
    const request = http.get(feed, { agent: false, headers: { Accept: "text/event-stream", ...(cookie ? { Cookie: cookie } : {}) } }, (response) => {
      if (response.statusCode !== 200) {
        console.error(`reader failed: feed answered ${response.statusCode}`);
        response.resume();
        return;
      }
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        this.arrivals.push(Date.now());
        this.chunks.push(chunk);
        // The feed's first bytes (its retry and comment lines) mean the server has subscribed it.
        this.open = true;
      });
    });
    request.on("error", (error) => console.error("reader failed:", error.message));
  }

  /** The annotations received so far, parsed from the chunks that arrived since the last call. */
  receipts(): ReaderReceipts {
    const result = (this.parsed ??= { received: new Map<string, Receipt[]>(), order: [] as bigint[] });
    for (; this.consumed < this.chunks.length; this.consumed++) {
      const at = this.arrivals[this.consumed]!;
      for (const message of this.parser.push(this.chunks[this.consumed]!)) {
        if (message.event !== "annotation.upserted") continue;
        const event = JSON.parse(message.data) as { id: string; annotation: { id: string } };
        const id = BigInt(event.id);
        result.order.push(id);
        const list = result.received.get(event.annotation.id) ?? [];
        list.push({ at, eventId: id });
        result.received.set(event.annotation.id, list);
      }
    }
    return result;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const send = (message: FromReaders) => process.send!(message);
// The parent ends this process (and with it the feeds) when it has the receipts.
let readers: SseReader[] = [];

process.on("message", (message: ToReaders) => {
  void (async () => {
    if (message.type === "start") {
      readers = message.readers.map(({ feed, cookie }) => new SseReader(feed, cookie));
      while (readers.some((reader) => !reader.open)) await sleep(50);
      send({ type: "connected" });
    } else {
      const expected = (reader: SseReader) => message.ids[reader.feed] ?? [];
      const complete = () => readers.every((reader) => expected(reader).every((id) => reader.receipts().received.has(id)));
      for (let waited = 0; waited < 10_000 && !complete(); waited += 50) await sleep(50);
      send({ type: "receipts", readers: readers.map((reader) => reader.receipts()) });
    }
  })().catch((error: unknown) => {
    console.error("readers failed:", error);
    process.exit(1);
  });
});
