import { tokenKappa, wordTokens, type KappaResult } from "./kappa";
import { overlappingPairs, scoreSpans, type SpanScores } from "./span-match";
import type { Measure, Span, TextParagraph } from "./types";
import { unitizingAlpha, type Unit } from "./unitizing-alpha";

/** Of the spans two annotators both marked (overlapping one-to-one), how many link to the same thing (a quote's speaker). */
export interface LinkAgreement {
  same: number;
  compared: number;
}

/** Two annotators compared: `first` is the reference for precision and recall. */
export interface PairAgreement {
  first: string;
  second: string;
  exact: SpanScores;
  overlap: SpanScores;
  kappa: KappaResult;
  alpha: Measure;
  links: LinkAgreement;
}

/** Everyone together. */
export interface OverallAgreement {
  /** Mean F1 over the pairs (exact and overlap). */
  f1Exact: Measure;
  f1Overlap: Measure;
  /** Light's κ: the mean of the pairs' Cohen's κ (Light 1971), over the pairs where κ is defined. */
  kappa: Measure;
  /** Krippendorff's αU with every annotator as a rater at once. */
  alpha: Measure;
  /** The pairs' link comparisons pooled. */
  links: LinkAgreement;
}

export interface AgreementTable {
  /** The annotators compared: whoever made at least one span of this layer, sorted. */
  raters: string[];
  /** Every pair of raters, in rater order. */
  pairs: PairAgreement[];
  overall: OverallAgreement;
}

/**
 * Every measure for every pair of annotators and overall, over one layer's spans (all entity tags,
 * say) on `paragraphs`. Spans on paragraphs not given are left out (their text is not known).
 */
export function agreementTable({ spans, paragraphs, language }: { spans: readonly Span[]; paragraphs: readonly TextParagraph[]; language?: string }): AgreementTable {
  const offsets = new Map<string, number>();
  let continuum = 0;
  for (const paragraph of paragraphs) {
    offsets.set(paragraph.id, continuum);
    continuum += paragraph.text.length;
  }
  const placed = spans.filter((span) => offsets.has(span.paragraphId) && span.end > span.start);
  const raters = [...new Set(placed.map((span) => span.annotator))].sort();
  const byRater = new Map(raters.map((rater) => [rater, placed.filter((span) => span.annotator === rater)]));
  const tokens = wordTokens(paragraphs, language);
  const units = (members: readonly string[]): Unit[] =>
    placed
      .filter((span) => members.includes(span.annotator))
      .map((span) => ({ rater: span.annotator, start: offsets.get(span.paragraphId)! + span.start, length: span.end - span.start, category: span.label }));
  const alphaOf = (members: readonly string[]) => unitizingAlpha({ begin: 0, length: continuum, raters: members, units: units(members) }).alpha;

  const pairs: PairAgreement[] = [];
  raters.forEach((first, index) => {
    for (const second of raters.slice(index + 1)) {
      const a = byRater.get(first)!;
      const b = byRater.get(second)!;
      const matched = overlappingPairs(a, b);
      pairs.push({
        first,
        second,
        exact: scoreSpans(a, b, "exact"),
        overlap: scoreSpans(a, b, "overlap"),
        kappa: tokenKappa(tokens, a, b),
        alpha: alphaOf([first, second]),
        links: { same: matched.filter(([x, y]) => x.link === y.link).length, compared: matched.length },
      });
    }
  });
  return {
    raters,
    pairs,
    overall: {
      f1Exact: meanOf(pairs.map((pair) => pair.exact.f1)),
      f1Overlap: meanOf(pairs.map((pair) => pair.overlap.f1)),
      kappa: meanOf(pairs.map((pair) => pair.kappa.kappa)),
      alpha: raters.length < 2 ? null : alphaOf(raters),
      links: pairs.reduce((sum, pair) => ({ same: sum.same + pair.links.same, compared: sum.compared + pair.links.compared }), { same: 0, compared: 0 }),
    },
  };
}

/** The mean of the defined values, or null when none is. */
function meanOf(values: readonly Measure[]): Measure {
  const defined = values.filter((value): value is number => value !== null);
  return defined.length === 0 ? null : defined.reduce((sum, value) => sum + value, 0) / defined.length;
}
