import { BREAK, OTHER, SPACE, WORD, type DiffSide } from "./token-diff";
import { snapForward } from "./unicode";

/**
 * Tokens of one or more paragraphs in order, with a BREAK token between paragraphs: runs of
 * letters, digits and marks (words), runs of whitespace, and single other characters
 * (punctuation, emoji: one user-perceived character each). Keys are interned so that text
 * which reads the same compares equal: every whitespace run is one key (doubled, collapsed
 * or non-breaking spaces are the same gap), and quotation marks of every style are one key
 * per kind (« » “ ” „ " all read as a double quote; ‘ ’ ' as a single one).
 */
export interface TokenStream extends DiffSide {
  keys: number[];
  kinds: number[];
  lengths: number[];
  /** Paragraph index of each token (-1 for a BREAK). */
  paragraph: number[];
  /** Offset of each token in its paragraph, in UTF-16 code units. */
  start: number[];
}

const BREAK_KEY = 0;
const SPACE_KEY = 1;
const DOUBLE_QUOTES = new Set(["«", "»", "“", "”", "„", "‟", '"', "″", "〝", "〞", "＂"]);
const SINGLE_QUOTES = new Set(["‘", "’", "‚", "‛", "'", "′", "‹", "›"]);
const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;

/** Gives every distinct token text a small integer, shared by both sides of a diff. */
export class TokenKeys {
  private readonly ids = new Map<string, number>([
    ['"', 2],
    ["'", 3],
  ]);

  key(text: string): number {
    const normal = DOUBLE_QUOTES.has(text) ? '"' : SINGLE_QUOTES.has(text) ? "'" : text;
    let id = this.ids.get(normal);
    if (id === undefined) this.ids.set(normal, (id = this.ids.size + 2));
    return id;
  }
}

// The same whitespace as unicode.ts's isWhitespaceAt (\s, NEL, zero-width space), by code.
function isSpaceCode(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0x85) return false;
  return (
    code === 0x85 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200b) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/** Width in code units of the word character at `i`, or 0 if it is not one (fast paths for Latin and Cyrillic). */
function wordWidth(text: string, i: number): number {
  if (i >= text.length) return 0;
  const code = text.charCodeAt(i);
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) ? 1 : 0;
  if ((code >= 0x400 && code <= 0x52f) || (code >= 0x300 && code <= 0x36f)) return 1;
  if (code >= 0xc0 && code <= 0x24f) return code === 0xd7 || code === 0xf7 ? 0 : 1;
  const point = text.codePointAt(i)!;
  return WORD_CHARACTER.test(String.fromCodePoint(point)) ? (point > 0xffff ? 2 : 1) : 0;
}

/** An empty stream, to be filled with {@link appendParagraph}. */
export function emptyStream(): TokenStream {
  return { keys: [], kinds: [], lengths: [], paragraph: [], start: [] };
}

function push(stream: TokenStream, key: number, kind: number, paragraph: number, start: number, length: number): void {
  stream.keys.push(key);
  stream.kinds.push(kind);
  stream.lengths.push(length);
  stream.paragraph.push(paragraph);
  stream.start.push(start);
}

/** Appends the tokens of paragraph `index` (with a BREAK first unless the stream is empty). */
export function appendParagraph(stream: TokenStream, text: string, index: number, keys: TokenKeys): void {
  if (stream.keys.length > 0) push(stream, BREAK_KEY, BREAK, -1, 0, 1);
  for (let i = 0; i < text.length; ) {
    let j = i + 1;
    if (isSpaceCode(text.charCodeAt(i))) {
      while (j < text.length && isSpaceCode(text.charCodeAt(j))) j++;
      push(stream, SPACE_KEY, SPACE, index, i, j - i);
    } else if (wordWidth(text, i) > 0) {
      j = i + wordWidth(text, i);
      for (let width = wordWidth(text, j); width > 0; width = wordWidth(text, j)) j += width;
      push(stream, keys.key(text.slice(i, j)), WORD, index, i, j - i);
    } else {
      // One user-perceived character; anything below U+0300 cannot extend it.
      if (j < text.length && (text.charCodeAt(j) >= 0x300 || text.charCodeAt(i) >= 0xd800)) j = snapForward(text, j);
      push(stream, keys.key(text.slice(i, j)), OTHER, index, i, j - i);
    }
    i = j;
  }
}
