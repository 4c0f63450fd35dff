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
 * itself). Each reader is a bare TCP socket that sends the feed's GET itself: a chunk of bytes is
 * only timestamped and kept when it arrives, and the HTTP response (status line, headers, chunked
 * body) and the events in it are parsed when the parent collects. A receipt time is when the bytes
 * completing the event reached this process's JavaScript — the same moment an `http.get` reader
 * stamped, without the HTTP parser and the response stream in between (this process's CPU per
 * receipt ~10 -> ~8 µs; it shares the two cores with the server).
 */
import net from "node:net";
import { StringDecoder } from "node:string_decoder";
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

const CRLF = Buffer.from("\r\n");
const HEADERS_END = Buffer.from("\r\n\r\n");

/**
 * The body of a response in the chunked transfer coding (RFC 9112, 7.1), decoded from bytes split
 * anywhere: push() returns the body bytes each piece completes.
 */
class ChunkedBody {
  private pending: Buffer = Buffer.alloc(0);
  /** Bytes left in the current chunk's data, or null while reading a size line. */
  private left: number | null = null;
  ended = false;

  push(bytes: Buffer): Buffer[] {
    const out: Buffer[] = [];
    this.pending = this.pending.length > 0 ? Buffer.concat([this.pending, bytes]) : bytes;
    while (!this.ended) {
      if (this.left === null) {
        const lineEnd = this.pending.indexOf(CRLF);
        if (lineEnd < 0) break;
        const size = parseInt(this.pending.subarray(0, lineEnd).toString("latin1").split(";")[0]!, 16);
        if (!Number.isFinite(size)) throw new Error("A malformed chunk size in the feed.");
        this.pending = this.pending.subarray(lineEnd + 2);
        if (size === 0) this.ended = true;
        else this.left = size;
      } else if (this.left > 0) {
        const take = Math.min(this.left, this.pending.length);
        if (take === 0) break;
        out.push(this.pending.subarray(0, take));
        this.pending = this.pending.subarray(take);
        this.left -= take;
      } else {
        // The CRLF after a chunk's data.
        if (this.pending.length < 2) break;
        this.pending = this.pending.subarray(2);
        this.left = null;
      }
    }
    return out;
  }
}

/** One reader: the feed's GET on a socket of its own, whose chunks are stamped with their arrival time and parsed later. */
class SseReader {
  private readonly chunks: Buffer[] = [];
  private readonly arrivals: number[] = [];
  private parsed: ReaderReceipts | null = null;
  private consumed = 0;
  private head: Buffer | null = Buffer.alloc(0);
  private readonly body = new ChunkedBody();
  private readonly decoder = new StringDecoder("utf8");
  private readonly parser = new SseParser();
  private statusChecked = false;
  open = false;

  constructor(
    readonly feed: string,
    cookie: string,
  ) {
    const url = new URL(feed);
    // One socket per reader, as browsers hold, and no keep-alive pooling.
    const socket = net.connect({ host: url.hostname, port: Number(url.port) }, () => {
      socket.write(
        `GET ${url.pathname}${url.search} HTTP/1.1\r\nHost: ${url.host}\r\nAccept: text/event-stream\r\n${cookie ? `Cookie: ${cookie}\r\n` : ""}Connection: close\r\n\r\n`,
      );
    });
    socket.setNoDelay(true);
    socket.on("data", (chunk: Buffer) => {
      this.arrivals.push(Date.now());
      this.chunks.push(chunk);
      // The feed's first bytes (its status, then its retry and comment lines) mean the server has subscribed it.
      if (!this.statusChecked) this.checkStatus();
    });
    socket.on("error", (error) => console.error("reader failed:", error.message));
  }

  /** Opens the reader once its status line has arrived, if that says 200 (checked once). */
  private checkStatus(): void {
    const arrived = Buffer.concat(this.chunks);
    const lineEnd = arrived.indexOf(CRLF);
    if (lineEnd < 0) return;
    this.statusChecked = true;
    const statusLine = arrived.subarray(0, lineEnd).toString("latin1");
    if (/^HTTP\/1\.1 200 /.test(statusLine)) this.open = true;
    else console.error(`reader failed: feed answered ${statusLine}`);
  }

  /** The annotations received so far, parsed from the chunks that arrived since the last call. */
  receipts(): ReaderReceipts {
    const result = (this.parsed ??= { received: new Map<string, Receipt[]>(), order: [] as bigint[] });
    for (; this.consumed < this.chunks.length; this.consumed++) {
      const at = this.arrivals[this.consumed]!;
      let bytes = this.chunks[this.consumed]!;
      if (this.head) {
        // The response's head first: its headers end at the first blank line; the body follows.
        this.head = Buffer.concat([this.head, bytes]);
        const end = this.head.indexOf(HEADERS_END);
        if (end < 0) continue;
        if (!/\r\ntransfer-encoding: *chunked\r\n/i.test(this.head.subarray(0, end + 2).toString("latin1"))) throw new Error("The feed's answer is not chunked.");
        bytes = this.head.subarray(end + 4);
        this.head = null;
      }
      for (const piece of this.body.push(bytes)) {
        for (const message of this.parser.push(this.decoder.write(piece))) {
          if (message.event !== "annotation.upserted") continue;
          const event = JSON.parse(message.data) as { id: string; annotation: { id: string } };
          const id = BigInt(event.id);
          result.order.push(id);
          const list = result.received.get(event.annotation.id) ?? [];
          list.push({ at, eventId: id });
          result.received.set(event.annotation.id, list);
        }
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
