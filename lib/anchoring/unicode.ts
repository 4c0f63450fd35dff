/*
 * Character-boundary helpers. Offsets are UTF-16 code units (as the DOM counts), so a
 * single visible character can span several units: an astral code point is a surrogate
 * pair, "é" may be "e" + U+0301, and 👍🏽 or 🇬🇪 are two code points each. Highlights must
 * never start or end inside such a sequence.
 */

/** True for a UTF-16 high (leading) surrogate code unit. */
export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** True for a UTF-16 low (trailing) surrogate code unit. */
export function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True if `offset` lies between the two halves of a surrogate pair in `text`. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return (
    offset > 0 &&
    offset < text.length &&
    isHighSurrogate(text.charCodeAt(offset - 1)) &&
    isLowSurrogate(text.charCodeAt(offset))
  );
}

// Code points that attach to the preceding character: combining marks (which include
// variation selectors), ZWJ, emoji skin-tone modifiers and the tag characters of
// subdivision flags such as 🏴󠁧󠁢󠁳󠁣󠁴󠁿.
const EXTENDER = /^[\p{M}\u200d\u{1f3fb}-\u{1f3ff}\u{e0020}-\u{e007f}]$/u;
const PICTOGRAPHIC = /^\p{Extended_Pictographic}$/u;
const ZWJ = 0x200d;

function isRegionalIndicator(codePoint: number): boolean {
  return codePoint >= 0x1f1e6 && codePoint <= 0x1f1ff;
}

/** The code point that ends just before `offset` (which must not split a surrogate pair). */
function codePointBefore(text: string, offset: number): number {
  const low = text.charCodeAt(offset - 1);
  if (offset >= 2 && isLowSurrogate(low) && isHighSurrogate(text.charCodeAt(offset - 2))) {
    return text.codePointAt(offset - 2) ?? low;
  }
  return low;
}

/**
 * True if a highlight may start or end at `offset` without cutting a user-perceived
 * character. A simplified form of the Unicode grapheme-cluster rules (UAX #29) that covers
 * surrogate pairs, combining marks, emoji modifiers, ZWJ sequences and flag pairs; it is
 * deterministic, so browser and server agree regardless of their ICU versions.
 */
export function isClusterBoundary(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return true;
  if (splitsSurrogatePair(text, offset)) return false;
  const next = text.codePointAt(offset) ?? 0;
  if (EXTENDER.test(String.fromCodePoint(next))) return false;
  const previous = codePointBefore(text, offset);
  if (previous === ZWJ && PICTOGRAPHIC.test(String.fromCodePoint(next))) return false;
  if (isRegionalIndicator(next) && isRegionalIndicator(previous)) {
    // Flags pair regional indicators from the start of the run: break after an even count.
    let count = 0;
    for (let i = offset; i >= 2 && isRegionalIndicator(codePointBefore(text, i)); i -= 2) count++;
    return count % 2 === 0;
  }
  return true;
}

/** Moves `offset` back to the nearest cluster boundary at or before it. */
export function snapBackward(text: string, offset: number): number {
  let i = offset;
  while (!isClusterBoundary(text, i)) i--;
  return i;
}

/** Moves `offset` forward to the nearest cluster boundary at or after it. */
export function snapForward(text: string, offset: number): number {
  let i = offset;
  while (!isClusterBoundary(text, i)) i++;
  return i;
}

// JavaScript's \s (Unicode White_Space incl. NBSP, narrow NBSP, ideographic space, BOM)
// plus NEL, which \s omits, and the invisible zero-width space.
const WHITESPACE = /[\s\u0085\u200b]/;

/** True if the code unit at `index` is whitespace (all whitespace characters are in the BMP). */
export function isWhitespaceAt(text: string, index: number): boolean {
  return WHITESPACE.test(text.charAt(index));
}
