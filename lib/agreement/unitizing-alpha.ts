import type { Measure } from "./types";

/**
 * Krippendorff's αU for unitizing (Krippendorff 1995, "On the reliability of unitizing continuous
 * data", Sociological Methodology 25:47–76; Content Analysis, 2nd ed., 2004, §12.4), the measure
 * INCEpTION reports through DKPro Agreement. The text is one continuum of positions; each rater
 * cuts it into units of a category and the gaps between them. Disagreement between two raters'
 * overlapping sections is the squared difference of their beginnings plus that of their ends for
 * two units (so a unit that overlaps the other's gets partial credit), the squared length of a
 * unit lying wholly in the other's gap, and nothing otherwise. α = 1 − observed / expected, where
 * the expected disagreement is over every way the same units and gaps could be placed.
 */

/** A unit a rater marked: `length` positions from `start`, in one category. */
export interface Unit {
  rater: string;
  start: number;
  length: number;
  category: string;
}

export interface UnitizingStudy {
  /** The continuum: positions [begin, begin + length). */
  begin: number;
  length: number;
  /** Every rater, including one who marked nothing (that is a judgement too). */
  raters: readonly string[];
  units: readonly Unit[];
}

export interface CategoryAlpha {
  category: string;
  observed: number;
  expected: number;
  alpha: Measure;
}

export interface UnitizingAlpha {
  /** 1 − mean observed / mean expected disagreement over the categories; null with fewer than two raters or no unit. */
  alpha: Measure;
  categories: CategoryAlpha[];
}

/** A stretch of one rater's segmentation of the continuum for one category: a unit or a gap. */
interface Section {
  start: number;
  end: number;
  unit: boolean;
}

/**
 * αU over every category and for each. Units of one category by one rater that overlap are
 * merged into one (the measure assumes a rater does not mark the same stretch twice); units are
 * clipped to the continuum.
 */
export function unitizingAlpha(study: UnitizingStudy): UnitizingAlpha {
  const categories = [...new Set(study.units.map((unit) => unit.category))].sort();
  if (study.raters.length < 2 || study.length <= 0 || categories.length === 0) return { alpha: null, categories: [] };
  const results = categories.map((category) => categoryAlpha(study, category));
  const observed = mean(results.map((result) => result.observed));
  const expected = mean(results.map((result) => result.expected));
  return { alpha: ratioAlpha(observed, expected), categories: results };
}

function categoryAlpha(study: UnitizingStudy, category: string): CategoryAlpha {
  const { length: L, raters } = study;
  const R = raters.length;
  const sections = raters.map((rater) => segmentation(study, rater, category));

  let observedSum = 0;
  for (let i = 0; i < R; i++) for (let j = i + 1; j < R; j++) observedSum += pairDisagreement(sections[i]!, sections[j]!);
  // Each unordered pair stands for both orders of the pair in Krippendorff's sum over i ≠ j.
  const observed = (2 * observedSum) / (R * (R - 1) * L * L);

  const units = sections.flat().filter((section) => section.unit);
  const gaps = new GapLengths(
    sections
      .flat()
      .filter((section) => !section.unit)
      .map((gap) => gap.end - gap.start),
  );
  const n = units.length;
  let numerator = 0;
  let lengthPairs = 0;
  for (const unit of units) {
    const l = unit.end - unit.start;
    lengthPairs += l * (l - 1);
    // Placing another unit of this category against it, and placing it in each gap long enough.
    numerator += ((n - 1) * (2 * l ** 3 - 3 * l ** 2 + l)) / 3 + l * l * gaps.placements(l);
  }
  const expected = ((2 / L) * numerator) / (R * L * (R * L - 1) - lengthPairs);
  return { category, observed, expected, alpha: ratioAlpha(observed, expected) };
}

/**
 * The gaps' lengths, sorted with suffix sums, so that the placements of a unit in every gap long
 * enough, Σ over gaps g ≥ l of (g − l + 1), take a binary search instead of a pass over the gaps
 * (over a set of articles there are thousands of units and gaps).
 */
class GapLengths {
  private readonly sorted: number[];
  /** suffix[i]: the sum of sorted[i…]. */
  private readonly suffix: number[];

  constructor(lengths: readonly number[]) {
    this.sorted = [...lengths].sort((a, b) => a - b);
    this.suffix = new Array<number>(this.sorted.length + 1).fill(0);
    for (let i = this.sorted.length - 1; i >= 0; i--) this.suffix[i] = this.suffix[i + 1]! + this.sorted[i]!;
  }

  /** Σ over gaps g ≥ l of (g − l + 1). */
  placements(l: number): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.sorted[middle]! < l) low = middle + 1;
      else high = middle;
    }
    const count = this.sorted.length - low;
    return this.suffix[low]! - (l - 1) * count;
  }
}

/** One rater's units of the category (merged where they overlap, clipped) and the gaps around them, covering the continuum. */
function segmentation(study: UnitizingStudy, rater: string, category: string): Section[] {
  const end = study.begin + study.length;
  const units = study.units
    .filter((unit) => unit.rater === rater && unit.category === category)
    .map((unit) => ({ start: Math.max(study.begin, unit.start), end: Math.min(end, unit.start + unit.length) }))
    .filter((unit) => unit.end > unit.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: { start: number; end: number }[] = [];
  for (const unit of units) {
    const last = merged.at(-1);
    if (last && unit.start < last.end) last.end = Math.max(last.end, unit.end);
    else merged.push({ ...unit });
  }
  const sections: Section[] = [];
  let position = study.begin;
  for (const unit of merged) {
    if (unit.start > position) sections.push({ start: position, end: unit.start, unit: false });
    sections.push({ start: unit.start, end: unit.end, unit: true });
    position = unit.end;
  }
  if (position < end) sections.push({ start: position, end, unit: false });
  return sections;
}

/** The sum of δ² over every pair of overlapping sections of two raters (both segmentations are sorted and cover the continuum). */
function pairDisagreement(first: readonly Section[], second: readonly Section[]): number {
  let sum = 0;
  let i = 0;
  let j = 0;
  while (i < first.length && j < second.length) {
    const g = first[i]!;
    const h = second[j]!;
    sum += distance(g, h);
    if (g.end <= h.end) i++;
    if (h.end <= g.end) j++;
  }
  return sum;
}

/** δ² of two overlapping sections (Krippendorff 2004, p. 253). */
function distance(g: Section, h: Section): number {
  if (g.unit && h.unit) return (g.start - h.start) ** 2 + (g.end - h.end) ** 2;
  if (g.unit && !h.unit && h.start <= g.start && g.end <= h.end) return (g.end - g.start) ** 2;
  if (!g.unit && h.unit && g.start <= h.start && h.end <= g.end) return (h.end - h.start) ** 2;
  return 0;
}

function ratioAlpha(observed: number, expected: number): Measure {
  if (expected === 0) return null;
  return 1 - observed / expected;
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}
