import "server-only";
import type { ExportFile } from "./export-formats";

/**
 * `Content-Disposition: attachment` naming `filename` twice (RFC 6266): `filename=` in plain
 * ASCII for clients that know nothing else, each other character (and the quote and backslash
 * that would end or escape it) made `_`; and `filename*=` (RFC 5987) with the exact UTF-8 name.
 */
export function attachmentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, "_");
  const exact = encodeURIComponent(filename).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${exact}`;
}

/**
 * A file download that streams its chunks as the reader pulls them (so a large export is never
 * held whole), private to its requester: what it holds depends on who asked.
 */
export function downloadResponse({ filename, contentType, chunks, headers = {} }: ExportFile): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await chunks.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": attachmentDisposition(filename),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      ...headers,
    },
  });
}
