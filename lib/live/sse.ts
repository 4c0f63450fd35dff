/**
 * Server-Sent Events wire format (WHATWG HTML, "Server-sent events"): the
 * server's formatter and a streaming parser for Node clients (benchmarks,
 * tests). Browsers parse with EventSource. Pure: no Node, DOM or Next imports.
 */

export interface SseMessage {
  /** The `id:` field when the message carried one (the browser's Last-Event-ID). */
  id?: string;
  /** The event type; "message" when the message named none. */
  event: string;
  data: string;
}

/** One message; `data` may span lines (each becomes its own `data:` line). */
export function formatSseMessage({ id, event, data }: { id?: string; event?: string; data: string }): string {
  let out = "";
  if (id !== undefined) {
    if (/[\r\n\0]/.test(id)) throw new Error("An SSE id must not contain line breaks or NUL.");
    out += `id: ${id}\n`;
  }
  if (event !== undefined) {
    if (/[\r\n]/.test(event)) throw new Error("An SSE event type must not contain line breaks.");
    out += `event: ${event}\n`;
  }
  for (const line of data.split(/\r\n|\r|\n/)) out += `data: ${line}\n`;
  return out + "\n";
}

/** A comment line: ignored by clients, it keeps proxies and idle timeouts from closing the stream. */
export function formatSseComment(text = ""): string {
  return `: ${text.replace(/[\r\n]+/g, " ")}\n\n`;
}

/** How long the browser waits before reconnecting (milliseconds). */
export function formatSseRetry(milliseconds: number): string {
  return `retry: ${Math.max(0, Math.round(milliseconds))}\n\n`;
}

/**
 * Incremental parser: feed it chunks as they arrive (split anywhere, even
 * inside a CRLF), get complete messages back. Follows the spec's field
 * rules: comments and unknown fields are ignored, a message without data is
 * not dispatched, an id containing NUL is ignored, the last id persists.
 */
export class SseParser {
  private buffer = "";
  private pendingCR = false;
  private data: string[] = [];
  private event = "";
  private id: string | undefined;
  private sawId = false;
  /** The last id seen, as a reconnecting client would send in Last-Event-ID. */
  lastEventId = "";
  /** The last valid `retry:` value, in milliseconds. */
  retry: number | undefined;

  push(chunk: string): SseMessage[] {
    const messages: SseMessage[] = [];
    let text = chunk;
    // A CR ending the previous chunk already ended a line; a LF starting this one belongs to it.
    if (this.pendingCR && text.startsWith("\n")) text = text.slice(1);
    this.pendingCR = false;
    // Only the new text can hold line ends: the buffer is an unfinished line (no rescanning of long lines).
    let index = this.buffer.length;
    this.buffer += text;
    let start = 0;
    for (; index < this.buffer.length; index++) {
      const char = this.buffer.charCodeAt(index);
      if (char !== 10 && char !== 13) continue;
      const line = this.buffer.slice(start, index);
      if (char === 13) {
        if (index + 1 === this.buffer.length) this.pendingCR = true;
        else if (this.buffer.charCodeAt(index + 1) === 10) index++;
      }
      start = index + 1;
      const message = this.line(line);
      if (message) messages.push(message);
    }
    this.buffer = this.buffer.slice(start);
    return messages;
  }

  private line(line: string): SseMessage | null {
    if (line === "") return this.dispatch();
    if (line.startsWith(":")) return null;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "data") this.data.push(value);
    else if (field === "event") this.event = value;
    else if (field === "id") {
      if (!value.includes("\0")) {
        this.id = value;
        this.sawId = true;
      }
    } else if (field === "retry" && /^\d+$/.test(value)) this.retry = Number(value);
    return null;
  }

  private dispatch(): SseMessage | null {
    if (this.sawId) this.lastEventId = this.id ?? "";
    const id = this.sawId ? this.id : undefined;
    const hasData = this.data.length > 0;
    const message: SseMessage = { event: this.event || "message", data: this.data.join("\n") };
    if (id !== undefined) message.id = id;
    this.data = [];
    this.event = "";
    this.id = undefined;
    this.sawId = false;
    return hasData ? message : null;
  }
}
