/**
 * The live benchmark's readers, in a process of their own (forked by
 * live-bench.ts): parsing hundreds of feeds in the writers' process would delay the
 * writers' own responses and count that as server latency. Parent → child:
 * `{ type: "start", readers: [{ feed, cookie }] }`, then `{ type: "collect", ids }` (the
 * annotation ids each feed must have received); child → parent: `{ type: "connected" }`, then
 * `{ type: "receipts", readers }`, in the order they were started. Same machine, so `Date.now()`
 * is one clock for both. A reader with no cookie is anonymous (the sample is public).
 */
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

/** One reader: a streaming fetch of the feed, parsing events as they arrive. */
class SseReader implements ReaderReceipts {
  readonly received = new Map<string, Receipt[]>();
  readonly order: bigint[] = [];
  open = false;

  constructor(
    readonly feed: string,
    cookie: string,
  ) {
    this.run(feed, cookie).catch((error: unknown) => console.error("reader failed:", error));
  }

  private async run(url: string, cookie: string): Promise<void> {
    const response = await fetch(url, { headers: { Accept: "text/event-stream", ...(cookie ? { Cookie: cookie } : {}) } });
    if (!response.ok || !response.body) throw new Error(`feed answered ${response.status}`);
    const parser = new SseParser();
    const decoder = new TextDecoder();
    const body = response.body.getReader();
    for (let chunk = await body.read(); !chunk.done; chunk = await body.read()) {
      const at = Date.now();
      // The feed's first bytes (its retry and comment lines) mean the server has subscribed it.
      this.open = true;
      for (const message of parser.push(decoder.decode(chunk.value, { stream: true }))) {
        if (message.event !== "annotation.upserted") continue;
        const event = JSON.parse(message.data) as { id: string; annotation: { id: string } };
        const id = BigInt(event.id);
        this.order.push(id);
        const list = this.received.get(event.annotation.id) ?? [];
        list.push({ at, eventId: id });
        this.received.set(event.annotation.id, list);
      }
    }
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
      for (let waited = 0; waited < 10_000 && readers.some((reader) => expected(reader).some((id) => !reader.received.has(id))); waited += 50) await sleep(50);
      send({ type: "receipts", readers: readers.map(({ received, order }) => ({ received, order })) });
    }
  })().catch((error: unknown) => {
    console.error("readers failed:", error);
    process.exit(1);
  });
});
