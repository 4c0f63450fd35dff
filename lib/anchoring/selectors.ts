import { isClusterBoundary, isWhitespaceAt, snapBackward, snapForward, splitsSurrogatePair } from "./unicode";

/** How many UTF-16 code units of context are stored on each side of a quote. */
export const CONTEXT_LENGTH = 32;

/** A range of one paragraph's text in UTF-16 code units, `end` exclusive. */
export interface TextRange {
  start: number;
  end: number;
}

/** W3C TextPositionSelector and TextQuoteSelector for one range, combined. */
export interface RangeSelector extends TextRange {
  exact: string;
  prefix: string;
  suffix: string;
}

/** A selector as sent by a client; context is optional. */
export interface SelectorInput extends TextRange {
  exact: string;
  prefix?: string;
  suffix?: string;
}

export type ValidationResult = { ok: true } | { ok: false; reason: string };

/** Describes why `start`/`end` is not a usable non-empty range of `text`, or returns null. */
function rangeProblem(text: string, start: number, end: number): string | null {
  if (!Number.isInteger(start)) return `Selection start (${start}) is not a whole number.`;
  if (!Number.isInteger(end)) return `Selection end (${end}) is not a whole number.`;
  if (start < 0) return `Selection start (${start}) is negative.`;
  if (end > text.length) {
    return `Selection end (${end}) is beyond the paragraph's length (${text.length}).`;
  }
  if (start >= end) return `Selection is empty: start (${start}) must be less than end (${end}).`;
  for (const [name, offset] of [["start", start], ["end", end]] as const) {
    if (splitsSurrogatePair(text, offset)) {
      return `Selection ${name} (${offset}) falls inside a surrogate pair (it would cut a character such as an emoji in half).`;
    }
  }
  return null;
}

/**
 * Builds the position and quote selectors for `text.slice(start, end)`: the exact text plus
 * up to {@link CONTEXT_LENGTH} code units of context on each side. The context is shortened
 * by one unit rather than cut through a surrogate pair.
 *
 * @throws RangeError if the range is not integral, out of bounds, empty or splits a surrogate pair.
 */
export function describeRange(text: string, start: number, end: number): RangeSelector {
  const problem = rangeProblem(text, start, end);
  if (problem) throw new RangeError(problem);
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, prefixStart)) prefixStart++;
  let suffixEnd = Math.min(text.length, end + CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, suffixEnd)) suffixEnd--;
  return {
    start,
    end,
    exact: text.slice(start, end),
    prefix: text.slice(prefixStart, start),
    suffix: text.slice(end, suffixEnd),
  };
}

/**
 * Tightens a user's selection so it starts and ends on visible characters: widens each end
 * to a whole character (never half a surrogate pair, emoji sequence or base + combining
 * mark), then drops leading and trailing whitespace (including NBSP).
 *
 * @returns the trimmed range, or null if the selection is empty or only whitespace.
 * @throws RangeError if the offsets are not integers with 0 <= start <= end <= text.length.
 */
export function trimRange(text: string, start: number, end: number): TextRange | null {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start > end || end > text.length) {
    throw new RangeError(`Invalid selection ${start}–${end} for a paragraph of length ${text.length}.`);
  }
  if (start === end) return null;
  let from = snapBackward(text, start);
  let to = snapForward(text, end);
  // A space followed by a combining mark is a visible character of its own: keep it.
  while (from < to && isWhitespaceAt(text, from) && isClusterBoundary(text, from + 1)) from++;
  while (to > from && isWhitespaceAt(text, to - 1)) to--;
  return from < to ? { start: from, end: to } : null;
}

/**
 * Re-checks a selector received from a client against the stored paragraph text: integral
 * in-bounds offsets that do not split a surrogate pair, `exact` equal to the text at those
 * offsets, and `prefix`/`suffix`, when given, equal to the text right before/after the
 * range. Context may be shorter than {@link CONTEXT_LENGTH} but not longer.
 */
export function validateSelector(text: string, sel: SelectorInput): ValidationResult {
  const problem = rangeProblem(text, sel.start, sel.end);
  if (problem) return { ok: false, reason: problem };
  if (text.slice(sel.start, sel.end) !== sel.exact) {
    return { ok: false, reason: `The selected text does not match the paragraph at offsets ${sel.start}–${sel.end}.` };
  }
  if (sel.prefix !== undefined) {
    if (sel.prefix.length > CONTEXT_LENGTH) {
      return { ok: false, reason: `The prefix is longer than ${CONTEXT_LENGTH} code units (${sel.prefix.length}).` };
    }
    if (text.slice(Math.max(0, sel.start - sel.prefix.length), sel.start) !== sel.prefix) {
      return { ok: false, reason: `The prefix does not match the text before offset ${sel.start}.` };
    }
  }
  if (sel.suffix !== undefined) {
    if (sel.suffix.length > CONTEXT_LENGTH) {
      return { ok: false, reason: `The suffix is longer than ${CONTEXT_LENGTH} code units (${sel.suffix.length}).` };
    }
    if (text.slice(sel.end, sel.end + sel.suffix.length) !== sel.suffix) {
      return { ok: false, reason: `The suffix does not match the text after offset ${sel.end}.` };
    }
  }
  return { ok: true };
}
