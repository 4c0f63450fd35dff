import "server-only";
import type { z } from "zod";
import { AppError } from "@/lib/server/errors";

const MB = 1024 * 1024;

/** How a route takes its body. The gate checks the headers before authenticating and calls `read` after. */
export interface BodySpec<B> {
  /** Media types accepted (lower case, without parameters); any other answers 415. */
  types: readonly string[];
  /** The most bytes the body may have, by its media type. */
  limit(type: string): number;
  /** The 413 message for a body over the limit. */
  tooLarge(type: string): string;
  /** Reads the body, never more than `limit` bytes (see readCappedBytes), and parses it. */
  read(request: Request, body: { type: string; limit: number; tooLarge: string }): Promise<B>;
}

/** The request's media type, lower case and without parameters ("" when it has none). */
export function mediaTypeOf(request: Request): string {
  return (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
}

/**
 * Checks what the headers promise, before anyone reads the body: its media type (415) and, when
 * the client states it, its length (413). Content-Length is only trusted to refuse early; the
 * body is still counted as it is read.
 */
export function checkBodyHeaders(request: Request, spec: BodySpec<unknown>): { type: string; limit: number; tooLarge: string } {
  const type = mediaTypeOf(request);
  if (!spec.types.includes(type)) throw unsupportedMediaType(type, spec.types);
  const limit = spec.limit(type);
  const tooLarge = spec.tooLarge(type);
  const length = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(length) && length > limit) throw new AppError("TOO_LARGE", tooLarge);
  return { type, limit, tooLarge };
}

/** A route without a body accepts none, or an (ignored) JSON one: never a form a foreign page could post. */
export function checkNoBodyHeaders(request: Request): void {
  const type = mediaTypeOf(request);
  if (type !== "" && type !== "application/json") throw unsupportedMediaType(type, ["application/json"]);
}

function unsupportedMediaType(type: string, accepted: readonly string[]): AppError {
  return new AppError(
    "UNSUPPORTED_MEDIA_TYPE",
    `This request must be sent as ${accepted.join(" or ")}${type ? `, not ${type}` : " (the Content-Type header is missing)"}.`,
  );
}

/**
 * The body as a stream that counts its bytes as they are read and errors with 413 on the first
 * piece that would pass `limit`, cancelling the upload: nothing past that piece is read.
 */
export function cappedStream(source: ReadableStream<Uint8Array>, limit: number, tooLarge: string): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  let size = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) return controller.close();
        size += value.byteLength;
        if (size > limit) {
          controller.error(new AppError("TOO_LARGE", tooLarge));
          await reader.cancel().catch(() => {});
          return;
        }
        controller.enqueue(value);
      },
      cancel: (reason) => reader.cancel(reason),
    },
    // Pull only when the consumer asks: a refused upload is not read ahead.
    { highWaterMark: 0 },
  );
}

/** Reads the whole body into memory, at most `limit` bytes (413 past it). */
export async function readCappedBytes(request: Request, limit: number, tooLarge: string): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array(0);
  const reader = cappedStream(request.body, limit, tooLarge).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** UTF-8 JSON from bytes; 400 when it is not. */
export function parseJsonBytes(bytes: Uint8Array): unknown {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("INVALID_INPUT", "The request body must be UTF-8 text.");
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("INVALID_INPUT", "The request body must be valid JSON.");
  }
}

/** "1 MB", "0.5 MB": a limit as the messages state it. */
export function formatMegabytes(bytes: number): string {
  return `${Math.round((bytes / MB) * 10) / 10} MB`;
}

/** The JSON bodies of the app's own forms are small; 1 MB leaves room for a long note many times over. */
export const DEFAULT_JSON_LIMIT = MB;

/** A JSON body (`application/json`, at most `maxBytes`), parsed with `schema`. */
export function jsonBody<S extends z.ZodType>(schema: S, { maxBytes = DEFAULT_JSON_LIMIT }: { maxBytes?: number } = {}): BodySpec<z.output<S>> {
  return {
    types: ["application/json"],
    limit: () => maxBytes,
    tooLarge: () => `The request body is too large: the limit is ${formatMegabytes(maxBytes)}.`,
    read: async (request, { limit, tooLarge }) => schema.parse(parseJsonBytes(await readCappedBytes(request, limit, tooLarge))),
  };
}

/**
 * A raw upload handed on as a stream (the bulk import reads it line by line), counted and cut at
 * the limit as it is read.
 */
export function streamBody({ types, limit, tooLarge }: Pick<BodySpec<unknown>, "types" | "limit" | "tooLarge">): BodySpec<ReadableStream<Uint8Array> | null> {
  return {
    types,
    limit,
    tooLarge,
    read: async (request, body) => (request.body ? cappedStream(request.body, body.limit, body.tooLarge) : null),
  };
}
