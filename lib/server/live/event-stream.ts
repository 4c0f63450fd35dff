import "server-only";
import type { ArticleEventDTO } from "@/lib/annotations/types";
import { PRESENCE_EVENT, RESET_EVENT, type PresencePayload, type ResetPayload } from "@/lib/live/protocol";
import { formatSseComment, formatSseMessage, formatSseRetry } from "@/lib/live/sse";
import type { LiveSink } from "@/lib/server/live/article-event-hub";

/** A client this far behind (bytes queued) is cut off; it reconnects and resumes from its Last-Event-ID. */
const MAX_QUEUED_BYTES = 1 << 20;
/** How long a browser waits before reconnecting a dropped feed. */
const RETRY_MS = 2000;

/**
 * A Server-Sent Events response for one subscription: `subscribe` gets the
 * sink the hub writes to and returns its unsubscribe, called once when the
 * client goes away (`signal` aborts), cancels, falls too far behind, or the
 * hub closes the feed.
 */
export function eventStreamResponse(signal: AbortSignal, subscribe: (sink: LiveSink) => () => void): Response {
  let finished = false;
  let unsubscribe: (() => void) | undefined;
  let onAbort: (() => void) | undefined;
  const finish = () => {
    if (finished) return;
    finished = true;
    unsubscribe?.();
    if (onAbort) signal.removeEventListener("abort", onAbort);
  };

  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const end = () => {
          finish();
          try {
            controller.close();
          } catch {
            // already closed or errored
          }
        };
        const send = (bytes: Uint8Array) => {
          if (finished) return;
          try {
            controller.enqueue(bytes);
          } catch {
            finish();
            return;
          }
          // Backpressure: the queue only grows for a reader that does not read.
          if ((controller.desiredSize ?? 0) < -MAX_QUEUED_BYTES) end();
        };
        const write = (text: string) => send(encoder.encode(text));
        write(formatSseRetry(RETRY_MS) + formatSseComment("glossa live"));
        onAbort = end;
        if (signal.aborted) return end();
        signal.addEventListener("abort", onAbort);
        unsubscribe = subscribe({
          events: (events) => {
            for (const event of events) send(encodeEvent(event));
          },
          reset: (reason, cursor) => write(formatSseMessage({ id: cursor, event: RESET_EVENT, data: JSON.stringify({ reason } satisfies ResetPayload) })),
          presence: (readers) => write(formatSseMessage({ event: PRESENCE_EVENT, data: JSON.stringify({ readers } satisfies PresencePayload) })),
          heartbeat: () => write(formatSseComment("heartbeat")),
          close: end,
        });
        if (finished) unsubscribe();
      },
      cancel() {
        finish();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: 64 * 1024 }),
  );

  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform keeps the compression middleware from buffering the stream.
      "Cache-Control": "no-cache, no-store, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
}

const encoder = new TextEncoder();
// The hub hands every subscriber the same event objects: encode each once, not once per reader.
const encoded = new WeakMap<ArticleEventDTO, Uint8Array>();
function encodeEvent(event: ArticleEventDTO): Uint8Array {
  let bytes = encoded.get(event);
  if (!bytes) encoded.set(event, (bytes = encoder.encode(formatSseMessage({ id: event.id, event: event.type, data: JSON.stringify(event) }))));
  return bytes;
}
