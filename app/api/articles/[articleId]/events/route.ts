import type { ArticleEventDTO } from "@/lib/annotations/types";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { formatSseComment, formatSseMessage, formatSseRetry } from "@/lib/live/sse";
import { PRESENCE_EVENT, RESET_EVENT, type PresencePayload, type ResetPayload } from "@/lib/live/protocol";
import { getActor } from "@/lib/server/auth/get-actor";
import { AppError, notFound, unauthenticated } from "@/lib/server/errors";
import { subscribeToArticle } from "@/lib/server/live/article-event-hub";
import { handleRoute } from "@/lib/server/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ articleId: string }> };

/** A client this far behind (bytes queued) is cut off; it reconnects and resumes from its Last-Event-ID. */
const MAX_QUEUED_BYTES = 1 << 20;

/**
 * The article's live feed as Server-Sent Events: stored events after
 * `Last-Event-ID` (or `?after=`), then every change as it commits, `presence`
 * lists, and a heartbeat comment every 15 s. Private changes reach only their
 * author.
 */
export async function GET(request: Request, { params }: Context) {
  let setup: Awaited<ReturnType<typeof authorise>>;
  try {
    setup = await authorise(request, (await params).articleId);
  } catch (error) {
    // One place maps failures to status codes and JSON.
    return handleRoute(() => Promise.reject(error));
  }
  const { userId, articleId, after } = setup;

  const encoder = new TextEncoder();
  let finished = false;
  let unsubscribe: (() => void) | undefined;
  let onAbort: (() => void) | undefined;
  const finish = () => {
    if (finished) return;
    finished = true;
    unsubscribe?.();
    if (onAbort) request.signal.removeEventListener("abort", onAbort);
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
          if ((controller.desiredSize ?? 0) < -MAX_QUEUED_BYTES) end();
        };
        const write = (text: string) => send(encoder.encode(text));
        write(formatSseRetry(2000) + formatSseComment("glossa live"));
        onAbort = end;
        if (request.signal.aborted) return end();
        request.signal.addEventListener("abort", onAbort);
        unsubscribe = subscribeToArticle({
          articleId,
          userId,
          after,
          sink: {
            events: (events) => {
              for (const event of events) send(encodeEvent(event));
            },
            reset: (reason, cursor) => write(formatSseMessage({ id: cursor, event: RESET_EVENT, data: JSON.stringify({ reason } satisfies ResetPayload) })),
            presence: (readers) => write(formatSseMessage({ event: PRESENCE_EVENT, data: JSON.stringify({ readers } satisfies PresencePayload) })),
            heartbeat: () => write(formatSseComment("heartbeat")),
            close: end,
          },
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

async function authorise(request: Request, articleId: string) {
  const after = parseCursor(request.headers.get("last-event-id") || new URL(request.url).searchParams.get("after"));
  const actor = await getActor();
  if (!actor && config().GLOSSA_REQUIRE_SIGN_IN) throw unauthenticated("follow this article");
  const article = await db().article.findUnique({ where: { id: articleId }, select: { id: true } });
  if (!article) throw notFound("The article");
  return { userId: actor?.id ?? null, articleId, after };
}

// The hub hands every subscriber the same event objects: encode each once, not once per reader.
const encoded = new WeakMap<ArticleEventDTO, Uint8Array>();
const sharedEncoder = new TextEncoder();
function encodeEvent(event: ArticleEventDTO): Uint8Array {
  let bytes = encoded.get(event);
  if (!bytes) encoded.set(event, (bytes = sharedEncoder.encode(formatSseMessage({ id: event.id, event: event.type, data: JSON.stringify(event) }))));
  return bytes;
}

/** An event id (a PostgreSQL bigint) or nothing. */
function parseCursor(value: string | null): bigint | null {
  if (value === null || value.trim() === "") return null;
  if (!/^\d{1,18}$/.test(value.trim())) throw new AppError("INVALID_INPUT", "Last-Event-ID (or ?after=) must be an event id.");
  return BigInt(value.trim());
}
