import { editDistance, searchApproximate } from "./fuzzy";
import { CONTEXT_LENGTH } from "./selectors";
import { isClusterBoundary, snapBackward, snapForward } from "./unicode";

/** Matches scoring below this are not placed: a missing highlight beats a wrong one. */
export const MATCH_THRESHOLD = 0.5;

/**
 * The text of an annotation and, optionally, its context. An empty `prefix`/`suffix` means
 * the quote sat at the start/end of its paragraph; an absent one means "unknown".
 */
export interface QuoteSelector {
  exact: string;
  prefix?: string;
  suffix?: string;
}

/** Where a quote was found, with a confidence in [0, 1]. */
export interface QuoteMatch {
  start: number;
  end: number;
  score: number;
}

// Quotes this short are common words: placed only exactly and with agreeing context.
const SHORT_QUOTE_LENGTH = 4;
// Up to this share of a longer quote may have been edited.
const MAX_ERROR_RATE = 0.25;
// How long an exact quote must be to count as full evidence on its own.
const SELF_EVIDENT_LENGTH = 24;
const LENGTH_WEIGHT = 0.5;
const CONTEXT_WEIGHT = 0.48;
const POSITION_WEIGHT = 0.02;
// Unrelated text still scores 0.3–0.4 in normalized edit similarity, so similarity up to
// this level counts as no agreement at all.
const CONTEXT_NOISE = 0.5;
// The fuzzy pass costs about (errors + 1) × text length; beyond this it is skipped so
// pathological input (megabyte paragraphs) stays fast.
const FUZZY_BUDGET = 20_000_000;

/** Agreement in [0, 1] between stored context and the text actually found there. */
function contextSimilarity(expected: string, actual: string): number {
  // `actual` is never longer than `expected`, so the distance is at most expected.length.
  const raw = 1 - editDistance(expected, actual) / expected.length;
  return Math.max(0, (raw - CONTEXT_NOISE) / (1 - CONTEXT_NOISE));
}

/**
 * Agreement of the given prefix/suffix with the text around [start, end); 0 if none given.
 * The better side weighs three times as much as the other: an edit on one side of a quote
 * should not hide that the other side still agrees.
 */
function contextAgreement(text: string, quote: QuoteSelector, start: number, end: number): number {
  const sides: number[] = [];
  if (quote.prefix !== undefined) {
    const prefix = quote.prefix.slice(-CONTEXT_LENGTH);
    sides.push(
      prefix === ""
        ? Number(start === 0)
        : contextSimilarity(prefix, text.slice(Math.max(0, start - prefix.length), start)),
    );
  }
  if (quote.suffix !== undefined) {
    const suffix = quote.suffix.slice(0, CONTEXT_LENGTH);
    sides.push(suffix === "" ? Number(end === text.length) : contextSimilarity(suffix, text.slice(end, end + suffix.length)));
  }
  if (sides.length === 0) return 0;
  const best = Math.max(...sides);
  return 0.75 * best + 0.25 * Math.min(...sides);
}

interface Ranked extends QuoteMatch {
  lengthGap: number;
}

/*
 * Score = quote quality × (length evidence + context agreement + position), each in [0, 1].
 * Long quotes can carry a match alone; short ones need their context to agree; the
 * position hint only breaks ties.
 */
function combine(quality: number, length: number, context: number, position: number): number {
  const evidence = Math.min(1, length / SELF_EVIDENT_LENGTH);
  return quality * (LENGTH_WEIGHT * evidence + CONTEXT_WEIGHT * context + POSITION_WEIGHT * position);
}

function rank(text: string, quote: QuoteSelector, start: number, end: number, errors: number, hint: number | undefined): Ranked {
  const length = quote.exact.length;
  const position =
    hint !== undefined && Number.isFinite(hint) ? 1 - Math.min(1, Math.abs(start - hint) / Math.max(1, text.length)) : 1;
  const score = combine(1 - errors / length, length, contextAgreement(text, quote, start, end), position);
  return { start, end, score, lengthGap: Math.abs(end - start - length) };
}

// Higher score wins; then the span closest to the quote's length; then the earlier one.
function better(current: Ranked | null, candidate: Ranked): Ranked {
  if (current === null || candidate.score > current.score) return candidate;
  if (candidate.score === current.score && candidate.lengthGap < current.lengthGap) return candidate;
  return current;
}

/**
 * Finds the best place for a quote in one paragraph's text. Exact occurrences are tried
 * first, ranked by prefix/suffix agreement and then by distance to `hint` (the expected
 * start offset). Unless an exact match already scores higher than any inexact one could, an
 * approximate search follows that tolerates edits to up to a quarter of the quote; quotes of
 * at most four code units are only ever placed exactly. Matches never cut a character
 * (surrogate pair, emoji sequence, combining mark) in half.
 *
 * The score lies in [0, 1] and rewards long quotes, few edits and agreeing context; without
 * prefix/suffix only exact quotes of 24 or more code units reach {@link MATCH_THRESHOLD}.
 *
 * @returns the best match, or null if none reaches {@link MATCH_THRESHOLD}.
 */
export function matchQuote(text: string, quote: QuoteSelector, hint?: number): QuoteMatch | null {
  const { exact } = quote;
  const length = exact.length;
  if (length === 0) return null;

  let best: Ranked | null = null;
  for (let i = text.indexOf(exact); i !== -1; i = text.indexOf(exact, i + 1)) {
    if (isClusterBoundary(text, i) && isClusterBoundary(text, i + length)) {
      best = better(best, rank(text, quote, i, i + length, 0, hint));
    }
  }

  const maxErrors = length <= SHORT_QUOTE_LENGTH ? 0 : Math.floor(length * MAX_ERROR_RATE);
  // The best an inexact match could score: one edit, full context, exact position.
  const inexactCeiling = combine(1 - 1 / length, length, 1, 1);
  if (maxErrors > 0 && (best?.score ?? 0) < inexactCeiling && (maxErrors + 1) * text.length <= FUZZY_BUDGET) {
    for (const found of searchApproximate(text, exact, maxErrors)) {
      const start = snapBackward(text, found.start);
      const end = snapForward(text, found.end);
      const errors =
        start === found.start && end === found.end ? found.errors : editDistance(exact, text.slice(start, end));
      if (errors <= maxErrors) best = better(best, rank(text, quote, start, end, errors, hint));
    }
  }

  if (best === null || best.score < MATCH_THRESHOLD) return null;
  return { start: best.start, end: best.end, score: best.score };
}
