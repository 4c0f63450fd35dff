import { groupBy } from "./group";
import type { Measure, Span, TextParagraph } from "./types";

/** The label a word no span covers gets in the token-level comparison. */
export const OUTSIDE = "O";

/** Cohen's κ with the numbers it is made of. */
export interface KappaResult {
  /** Items compared. */
  n: number;
  /** Observed agreement: the share of items both gave the same label. */
  observed: number;
  /** Agreement expected by chance from each rater's own label distribution. */
  expected: number;
  /** (observed − expected) / (1 − expected); null when there are no items or chance agreement is total (one label only). */
  kappa: Measure;
}

/**
 * Cohen's (1960) κ for two raters over the same items: `pairs[i]` holds both raters' labels for
 * item i. Chance agreement uses each rater's own marginals (Scott's π would pool them).
 */
export function cohenKappa(pairs: readonly (readonly [string, string])[]): KappaResult {
  return cohenKappaOf(
    pairs.map(([a]) => a),
    pairs.map(([, b]) => b),
  );
}

/**
 * cohenKappa over parallel lists: `first[i]` and `second[i]` are both raters' labels for item i (the
 * same length). Word labels come this way, and a pair of raters reads some ten thousand words: no
 * tuple per word.
 */
export function cohenKappaOf(first: readonly string[], second: readonly string[]): KappaResult {
  const n = first.length;
  if (n === 0) return { n, observed: 0, expected: 0, kappa: null };
  const firstCounts = new Map<string, number>();
  const secondCounts = new Map<string, number>();
  let same = 0;
  for (let index = 0; index < n; index++) {
    const a = first[index]!;
    const b = second[index]!;
    if (a === b) same++;
    firstCounts.set(a, (firstCounts.get(a) ?? 0) + 1);
    secondCounts.set(b, (secondCounts.get(b) ?? 0) + 1);
  }
  let expected = 0;
  for (const [label, count] of firstCounts) expected += (count / n) * ((secondCounts.get(label) ?? 0) / n);
  const observed = same / n;
  return { n, observed, expected, kappa: expected === 1 ? null : (observed - expected) / (1 - expected) };
}

/** A word of a paragraph: [start, end) in UTF-16 code units. */
export interface Token {
  paragraphId: string;
  start: number;
  end: number;
}

/**
 * The words of the text, by the platform's Unicode word segmentation (Intl.Segmenter, UAX #29):
 * punctuation and spaces are not words, so they are never counted.
 */
export function wordTokens(paragraphs: readonly TextParagraph[], language?: string): Token[] {
  const segmenter = new Intl.Segmenter(language, { granularity: "word" });
  const tokens: Token[] = [];
  for (const paragraph of paragraphs) {
    for (const segment of segmenter.segment(paragraph.text)) {
      if (segment.isWordLike) tokens.push({ paragraphId: paragraph.id, start: segment.index, end: segment.index + segment.segment.length });
    }
  }
  return tokens;
}

/**
 * One annotator's label for each token: the label of their span covering most of it (ties: the
 * label first in alphabetical order, so the result does not depend on input order), else OUTSIDE.
 */
export function tokenLabels(tokens: readonly Token[], spans: readonly Span[]): string[] {
  const byParagraph = groupBy(spans, (span) => span.paragraphId);
  return tokens.map((token) => {
    let best: { label: string; overlap: number } | null = null;
    for (const span of byParagraph.get(token.paragraphId) ?? []) {
      const overlap = Math.min(span.end, token.end) - Math.max(span.start, token.start);
      if (overlap <= 0) continue;
      if (!best || overlap > best.overlap || (overlap === best.overlap && span.label < best.label)) best = { label: span.label, overlap };
    }
    return best?.label ?? OUTSIDE;
  });
}

/**
 * Cohen's κ between two annotators on token labels: every word of the text is an item, labelled
 * with the type of the span covering it or OUTSIDE. Nothing else is left out: a word one tagged
 * and the other did not is a disagreement (INCEpTION drops such "incomplete" positions, which can
 * make κ look better than it is). Words neither tagged count as agreement on OUTSIDE, so κ is
 * compared with the chance of that.
 */
export function tokenKappa(tokens: readonly Token[], first: readonly Span[], second: readonly Span[]): KappaResult {
  return cohenKappaOf(tokenLabels(tokens, first), tokenLabels(tokens, second));
}
