import "server-only";
import type { ArticleEventDTO } from "@/lib/annotations/types";
import { PRESENCE_EVENT, RESET_EVENT, type PresencePayload, type ResetPayload } from "@/lib/live/protocol";
import { formatSseComment, formatSseMessage, formatSseRetry } from "@/lib/live/sse";
import type { LiveSink } from "@/lib/server/live/article-event-hub";

/** A client this far behind (bytes queued) is cut off; it reconnects and resumes from its Last-Event-ID. */
export const MAX_QUEUED_BYTES = 1 << 20;
/** How long a browser waits before reconnecting a dropped feed. */
const RETRY_MS = 2000;

/** The response headers of every feed, whichever transport carries it. */
export const EVENT_STREAM_HEADERS: Readonly<Record<string, string>> = {
  "Content-Type": "text/event-stream; charset=utf-8",
  // no-transform keeps the compression middleware from buffering the stream.
  "Cache-Control": "no-cache, no-store, no-transform",
  "X-Accel-Buffering": "no",
};

/**
 * Where one feed's bytes go: the Web stream Next.js pipes a route's Response through, or the Node
 * response itself (./live-feed-hook.ts), which spares each chunk of each feed the stream's read
 * and write promises.
 */
export interface FeedTransport {
  /** Sends `bytes` (or queues them); returns how many bytes are queued for this client and not yet taken. */
  write(bytes: Uint8Array): number;
  /** Ends the response; `overrun`: the client fell too far behind, drop what is queued for it. */
  end(overrun: boolean): void;
}

/** Subscribes a feed's sink to the hub (subscribeToArticle); returns its unsubscribe. */
export type Subscribe = (sink: LiveSink) => () => void;

/**
 * Runs one subscription over `transport`: the reconnect delay, then what the hub sends, until the
 * client goes away (`signal` aborts), falls more than MAX_QUEUED_BYTES behind, or the hub closes the
 * feed; then unsubscribes, once. Events handed over together go out as one write. Returns the
 * function that ends it (for a transport whose client cancels).
 */
export function runFeed(transport: FeedTransport, signal: AbortSignal, subscribe: Subscribe): () => void {
  let finished = false;
  let unsubscribe: (() => void) | undefined = undefined;
  const finish = () => {
    if (finished) return false;
    finished = true;
    unsubscribe?.();
    signal.removeEventListener("abort", onAbort);
    return true;
  };
  const end = (overrun: boolean) => {
    if (finish()) transport.end(overrun);
  };
  const onAbort = () => end(false);
  const send = (bytes: Uint8Array) => {
    if (finished) return;
    let queued: number;
    try {
      queued = transport.write(bytes);
    } catch {
      // The client is gone (a stream closed under us): nothing more to send it.
      finish();
      return;
    }
    // Backpressure: the queue only grows for a reader that does not read.
    if (queued > MAX_QUEUED_BYTES) end(true);
  };
  const write = (text: string) => send(encoder.encode(text));

  write(formatSseRetry(RETRY_MS) + formatSseComment("glossa live"));
  if (signal.aborted) {
    end(false);
    return finish;
  }
  signal.addEventListener("abort", onAbort);
  unsubscribe = subscribe({
    events: (events) => send(encodeEvents(events)),
    reset: (reason, cursor) => write(formatSseMessage({ id: cursor, event: RESET_EVENT, data: JSON.stringify({ reason } satisfies ResetPayload) })),
    presence: (readers) => write(formatSseMessage({ event: PRESENCE_EVENT, data: JSON.stringify({ readers } satisfies PresencePayload) })),
    heartbeat: () => write(formatSseComment("heartbeat")),
    close: () => end(false),
  });
  // The hub closed the feed while subscribing (shutting down): finish() ran before unsubscribe existed.
  if (finished) unsubscribe();
  return finish;
}

/** The feed of each response eventStreamResponse made, for a transport that serves it itself (takeFeed). */
const feeds = new WeakMap<Response, (transport: FeedTransport) => void>();

/**
 * A Server-Sent Events response for one subscription: `subscribe` gets the sink the hub writes to
 * and returns its unsubscribe, called once when the client goes away (`signal` aborts), cancels,
 * falls too far behind, or the hub closes the feed. Nothing subscribes until someone reads the
 * body, or takes the feed with takeFeed to write it to the Node response directly: whichever
 * comes first serves it, once.
 */
export function eventStreamResponse(signal: AbortSignal, subscribe: Subscribe): Response {
  let started = false;
  const start = (transport: FeedTransport): (() => void) => {
    if (started) {
      transport.end(false);
      return () => {};
    }
    started = true;
    return runFeed(transport, signal, subscribe);
  };
  let stop: (() => void) | undefined;
  const stream = new ReadableStream<Uint8Array>(
    {
      // High-water mark 0: pull runs on the first read, not when the stream is made.
      pull(controller) {
        stop ??= start({
          write: (bytes) => {
            controller.enqueue(bytes);
            return -(controller.desiredSize ?? 0);
          },
          end: () => {
            try {
              controller.close();
            } catch {
              // already closed or errored
            }
          },
        });
      },
      cancel() {
        stop?.();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: 0 }),
  );
  const response = new Response(stream, { headers: EVENT_STREAM_HEADERS });
  feeds.set(response, (transport) => void start(transport));
  return response;
}

/**
 * The feed behind a response of eventStreamResponse, to be served over another transport instead
 * of the response's body; null for any other response (an error answer, say).
 */
export function takeFeed(response: Response): ((transport: FeedTransport) => void) | null {
  return feeds.get(response) ?? null;
}

const encoder = new TextEncoder();
// The hub hands every subscriber the same event objects: encode each once, not once per reader.
const encoded = new WeakMap<ArticleEventDTO, Uint8Array>();
function encodeEvent(event: ArticleEventDTO): Uint8Array {
  let bytes = encoded.get(event);
  if (!bytes) encoded.set(event, (bytes = encoder.encode(formatSseMessage({ id: event.id, event: event.type, data: JSON.stringify(event) }))));
  return bytes;
}

/** Events delivered together, as one chunk: one write (one trip through the transport) instead of one each. */
function encodeEvents(events: ArticleEventDTO[]): Uint8Array {
  if (events.length === 1) return encodeEvent(events[0]!);
  return Buffer.concat(events.map(encodeEvent));
}
