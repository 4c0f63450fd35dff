import { groupBy } from "./group";
import type { Measure, Span, TextParagraph } from "./types";
import { wordBoundaries } from "./words";

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
  const labels = new LabelIds();
  return kappaOfLabelIds([Uint32Array.from(first, (label) => labels.of(label))], [Uint32Array.from(second, (label) => labels.of(label))], labels.size);
}

/** Small integers for labels, OUTSIDE being 0, so that word labels are typed arrays and counts are indexed, not hashed. */
export class LabelIds {
  private readonly ids = new Map<string, number>([[OUTSIDE, 0]]);
  readonly names: string[] = [OUTSIDE];

  of(label: string): number {
    let id = this.ids.get(label);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(label, id);
      this.names.push(label);
    }
    return id;
  }

  get size(): number {
    return this.names.length;
  }
}

/**
 * Cohen's κ over label ids (LabelIds, fewer than `labelCount`): the items are those of
 * `first[0]` and `second[0]`, then of `first[1]` and `second[1]`, and so on (a pair's words,
 * document by document). Chance agreement sums over the first rater's labels in the order they
 * first appear, as a Map of counts would.
 */
export function kappaOfLabelIds(first: readonly ArrayLike<number>[], second: readonly ArrayLike<number>[], labelCount: number): KappaResult {
  const firstCounts = new Uint32Array(labelCount);
  const secondCounts = new Uint32Array(labelCount);
  const order: number[] = [];
  let n = 0;
  let same = 0;
  first.forEach((part, index) => {
    const other = second[index]!;
    for (let item = 0; item < part.length; item++) {
      const a = part[item]!;
      const b = other[item]!;
      if (a === b) same++;
      if (firstCounts[a] === 0) order.push(a);
      firstCounts[a] = firstCounts[a]! + 1;
      secondCounts[b] = secondCounts[b]! + 1;
    }
    n += part.length;
  });
  if (n === 0) return { n, observed: 0, expected: 0, kappa: null };
  let expected = 0;
  for (const label of order) expected += (firstCounts[label]! / n) * (secondCounts[label]! / n);
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
 * The words of the text, by the platform's Unicode word segmentation (Intl.Segmenter, UAX #29;
 * wordBoundaries): punctuation and spaces are not words, so they are never counted.
 */
export function wordTokens(paragraphs: readonly TextParagraph[], language?: string): Token[] {
  const segmenter = new Intl.Segmenter(language, { granularity: "word" });
  const tokens: Token[] = [];
  for (const paragraph of paragraphs) {
    const words = wordBoundaries(paragraph.text, segmenter);
    for (let index = 0; index < words.length; index += 2) tokens.push({ paragraphId: paragraph.id, start: words[index]!, end: words[index + 1]! });
  }
  return tokens;
}

/**
 * One annotator's label for each token: the label of their span covering most of it (ties: the
 * label first in alphabetical order, so the result does not depend on input order), else OUTSIDE.
 */
export function tokenLabels(tokens: readonly Token[], spans: readonly Span[]): string[] {
  const labels = new LabelIds();
  return Array.from(tokenLabelIds(tokens, spans, labels), (id) => labels.names[id]!);
}

/** tokenLabels as ids of `labels` (which learns the spans' labels). */
export function tokenLabelIds(tokens: readonly Token[], spans: readonly Span[], labels: LabelIds): Uint32Array {
  const byParagraph = groupBy(spans, (span) => span.paragraphId);
  const result = new Uint32Array(tokens.length);
  // A paragraph's words come one after another: its spans are looked up once per paragraph, not per word.
  let paragraphId: string | undefined;
  let covering: readonly Span[] = [];
  tokens.forEach((token, index) => {
    if (token.paragraphId !== paragraphId) {
      paragraphId = token.paragraphId;
      covering = byParagraph.get(paragraphId) ?? [];
    }
    let label: string | null = null;
    let most = 0;
    for (const span of covering) {
      const overlap = Math.min(span.end, token.end) - Math.max(span.start, token.start);
      if (overlap <= 0) continue;
      if (label === null || overlap > most || (overlap === most && span.label < label)) {
        label = span.label;
        most = overlap;
      }
    }
    result[index] = label === null ? 0 : labels.of(label);
  });
  return result;
}

/**
 * Cohen's κ between two annotators on token labels: every word of the text is an item, labelled
 * with the type of the span covering it or OUTSIDE. Nothing else is left out: a word one tagged
 * and the other did not is a disagreement (INCEpTION drops such "incomplete" positions, which can
 * make κ look better than it is). Words neither tagged count as agreement on OUTSIDE, so κ is
 * compared with the chance of that.
 */
export function tokenKappa(tokens: readonly Token[], first: readonly Span[], second: readonly Span[]): KappaResult {
  // Both raters' labels as ids of one table, counted as they are (not named and numbered again).
  const labels = new LabelIds();
  const firstIds = tokenLabelIds(tokens, first, labels);
  const secondIds = tokenLabelIds(tokens, second, labels);
  return kappaOfLabelIds([firstIds], [secondIds], labels.size);
}
