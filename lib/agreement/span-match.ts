import { groupBy } from "./group";
import type { Span } from "./types";

/** Exact: the same paragraph, start, end and label. Overlap: the same paragraph and label, sharing a character. */
export type MatchMode = "exact" | "overlap";

/** How one annotator's spans compare with a reference annotator's. */
export interface SpanScores {
  /** Spans of the candidate matched one-to-one with a reference span. */
  matched: number;
  reference: number;
  candidate: number;
  /** matched / candidate: null when the candidate has no span. */
  precision: number | null;
  /** matched / reference: null when the reference has no span. */
  recall: number | null;
  /** Harmonic mean of precision and recall, 2·matched / (reference + candidate): null when neither has a span. */
  f1: number | null;
}

/**
 * Precision, recall and F1 of `candidate` against `reference` (the usual NER scoring, e.g. CoNLL's
 * conlleval for `exact`). In `overlap` mode a span matches at most one span of the other side
 * (largest overlap first), so one long span cannot count as several hits. F1 does not depend on
 * which side is the reference; precision and recall swap.
 */
export function scoreSpans(reference: readonly Span[], candidate: readonly Span[], mode: MatchMode): SpanScores {
  const matched = mode === "exact" ? exactMatches(reference, candidate) : overlappingPairs(reference, candidate, (a, b) => a.label === b.label).length;
  const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);
  return {
    matched,
    reference: reference.length,
    candidate: candidate.length,
    precision: ratio(matched, candidate.length),
    recall: ratio(matched, reference.length),
    f1: ratio(2 * matched, reference.length + candidate.length),
  };
}

function exactKey(span: Span): string {
  return `${span.paragraphId}\u0000${span.start}\u0000${span.end}\u0000${span.label}`;
}

/** Multiset intersection on (paragraph, start, end, label): two identical tags by one person count once each. */
function exactMatches(reference: readonly Span[], candidate: readonly Span[]): number {
  const counts = new Map<string, number>();
  for (const span of reference) counts.set(exactKey(span), (counts.get(exactKey(span)) ?? 0) + 1);
  let matched = 0;
  for (const span of candidate) {
    const left = counts.get(exactKey(span)) ?? 0;
    if (left > 0) {
      matched++;
      counts.set(exactKey(span), left - 1);
    }
  }
  return matched;
}

/**
 * Pairs of spans (one from each side) sharing at least a character in one paragraph, and passing
 * `accept`, matched one-to-one greedily, largest overlap first (ties in input order).
 */
export function overlappingPairs<T extends Span>(left: readonly T[], right: readonly T[], accept: (a: T, b: T) => boolean = () => true): [T, T][] {
  // Only spans of one paragraph can overlap: compare within paragraphs (a set of articles has thousands of spans).
  const rightByParagraph = groupBy(
    right.map((_, r) => r),
    (r) => right[r]!.paragraphId,
  );
  const pairs: { l: number; r: number; overlap: number }[] = [];
  left.forEach((a, l) => {
    for (const r of rightByParagraph.get(a.paragraphId) ?? []) {
      const b = right[r]!;
      const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start);
      if (overlap > 0 && accept(a, b)) pairs.push({ l, r, overlap });
    }
  });
  pairs.sort((x, y) => y.overlap - x.overlap || x.l - y.l || x.r - y.r);
  const usedL = new Set<number>();
  const usedR = new Set<number>();
  const result: [T, T][] = [];
  for (const { l, r } of pairs) {
    if (usedL.has(l) || usedR.has(r)) continue;
    usedL.add(l);
    usedR.add(r);
    result.push([left[l]!, right[r]!]);
  }
  return result;
}
