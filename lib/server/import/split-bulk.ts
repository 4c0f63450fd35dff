/*
 * Streaming splitters for bulk files: they turn decoded text arriving in pieces into one item
 * per article, with the line it starts on, holding at most one item in memory. Pure.
 */

/** One article's JSON text, or the size of one that was too large to keep. */
export type BulkItem = { line: number; text: string } | { line: number; oversized: number };

/**
 * JSON Lines: every non-blank line is one item. Lines longer than `maxChars` are reported as
 * oversized without being buffered whole.
 */
export async function* splitJsonLines(pieces: AsyncIterable<string>, maxChars: number): AsyncGenerator<BulkItem> {
  let line = 1;
  let buffer = "";
  let overflow = 0; // characters of the current line dropped because it is too long
  let first = true;

  const finish = (text: string): BulkItem | null => {
    if (overflow > 0) {
      const item = { line, oversized: overflow + text.length };
      overflow = 0;
      return item;
    }
    const trimmed = text.endsWith("\r") ? text.slice(0, -1) : text;
    return trimmed.trim() ? { line, text: trimmed } : null;
  };

  for await (let piece of pieces) {
    if (first && piece.length > 0) {
      piece = piece.replace(/^\uFEFF/, "");
      first = false;
    }
    let from = 0;
    for (;;) {
      const newline = piece.indexOf("\n", from);
      if (newline === -1) break;
      const item = finish(buffer + piece.slice(from, newline));
      buffer = "";
      if (item) yield item;
      line++;
      from = newline + 1;
    }
    buffer += piece.slice(from);
    if (buffer.length > maxChars) {
      overflow += buffer.length;
      buffer = "";
    }
  }
  const item = finish(buffer);
  if (item) yield item;
}

/**
 * A JSON file: the elements of a top-level array, or a sequence of top-level values (one
 * object, or pretty-printed objects one after another). Structure is tracked character by
 * character (strings and escapes included), so an element may span many lines. Malformed
 * structure ends up as one item that fails to parse, with its starting line.
 */
export async function* splitJsonValues(pieces: AsyncIterable<string>, maxChars: number): AsyncGenerator<BulkItem> {
  let line = 1;
  let mode: "unknown" | "array" | "values" | "after-array" = "unknown";
  let depth = 0; // nesting inside the current item
  let inString = false;
  let escaped = false;
  let item = "";
  let itemLine = 0;
  let itemStarted = false;
  let oversized = 0;
  let scalar = false; // a top-level number/literal: ends at whitespace, comma or bracket

  const take = (): BulkItem | null => {
    if (!itemStarted) return null;
    const result: BulkItem = oversized > 0 ? { line: itemLine, oversized: oversized + item.length } : { line: itemLine, text: item.trim() };
    item = "";
    itemStarted = false;
    oversized = 0;
    scalar = false;
    return result;
  };

  let first = true;
  for await (let piece of pieces) {
    if (first && piece.length > 0) {
      piece = piece.replace(/^\uFEFF/, "");
      first = false;
    }
    for (let i = 0; i < piece.length; i++) {
      const ch = piece[i]!;
      if (mode === "unknown") {
        if (/\s/.test(ch)) {
          if (ch === "\n") line++;
          continue;
        }
        mode = ch === "[" ? "array" : "values";
        if (mode === "array") continue;
      }
      if (mode === "after-array") {
        if (ch === "\n") line++;
        if (!/\s/.test(ch) && !itemStarted) {
          itemStarted = true;
          itemLine = line;
        }
        if (itemStarted) item += ch;
        continue;
      }

      if (!itemStarted) {
        if (ch === "\n") line++;
        if (/\s/.test(ch)) continue;
        if (mode === "array" && ch === ",") continue;
        if (mode === "array" && ch === "]") {
          mode = "after-array";
          continue;
        }
        itemStarted = true;
        itemLine = line;
        depth = 0;
        scalar = ch !== "{" && ch !== "[" && ch !== '"';
      }

      if (scalar && (/\s/.test(ch) || ch === "," || (mode === "array" && ch === "]"))) {
        const done = take();
        if (done) yield done;
        if (ch === "\n") line++;
        if (mode === "array" && ch === "]") mode = "after-array";
        continue;
      }

      if (ch === "\n") line++;
      if (item.length >= maxChars) {
        oversized += item.length;
        item = "";
      }
      item += ch;

      if (inString) {
        if (escaped) escaped = false;
        else if (ch === "\\") escaped = true;
        else if (ch === '"') {
          inString = false;
          if (depth === 0 && !scalar) {
            const done = take();
            if (done) yield done;
          }
        }
        continue;
      }
      if (ch === '"') inString = true;
      else if (ch === "{" || ch === "[") depth++;
      else if (ch === "}" || ch === "]") {
        depth--;
        if (depth <= 0) {
          depth = 0;
          const done = take();
          if (done) yield done;
        }
      }
    }
  }
  const rest = take();
  if (rest && ("oversized" in rest || rest.text)) yield rest;
}
