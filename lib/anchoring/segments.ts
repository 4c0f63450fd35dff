/** A range to be rendered inside a paragraph, e.g. an annotation's highlight. */
export interface SegmentableRange {
  id: string;
  start: number;
  end: number;
}

/** A maximal piece of a paragraph covered by the same set of ranges. */
export interface Segment<T extends SegmentableRange> {
  start: number;
  end: number;
  covering: T[];
}

interface Clamped<T> {
  range: T;
  start: number;
  end: number;
}

// Outer (earlier-starting) first, then longer first, then by id, so nested highlights
// render with stable, predictable layering.
function compareRanges<T extends SegmentableRange>(a: Clamped<T>, b: Clamped<T>): number {
  if (a.start !== b.start) return a.start - b.start;
  if (a.end !== b.end) return b.end - a.end;
  return a.range.id < b.range.id ? -1 : a.range.id > b.range.id ? 1 : 0;
}

/**
 * Cuts `[0, textLength)` at every boundary of every range and returns the pieces in order,
 * together covering the whole text (uncovered pieces have `covering: []`). Each piece lists
 * the ranges covering it, outer/earlier-starting first, then longer first, then by id.
 * Ranges are clamped to the text; empty, out-of-range and non-integral ranges are ignored.
 * Runs in O(k log k) for k ranges plus the size of the output.
 */
export function segmentParagraph<T extends SegmentableRange>(textLength: number, ranges: T[]): Segment<T>[] {
  if (!Number.isInteger(textLength) || textLength < 0) {
    throw new RangeError(`Paragraph length must be a non-negative integer (got ${textLength}).`);
  }
  const clamped: Clamped<T>[] = [];
  for (const range of ranges) {
    if (!Number.isInteger(range.start) || !Number.isInteger(range.end)) continue;
    const start = Math.max(0, range.start);
    const end = Math.min(textLength, range.end);
    if (start < end) clamped.push({ range, start, end });
  }
  clamped.sort(compareRanges);

  const cuts = new Set<number>([0, textLength]);
  for (const { start, end } of clamped) {
    cuts.add(start);
    cuts.add(end);
  }
  const boundaries = [...cuts].sort((a, b) => a - b);

  const segments: Segment<T>[] = [];
  // Ranges opening at a cut start after every active one and arrive in sorted order,
  // so appending keeps `active` sorted without re-sorting.
  let active: Clamped<T>[] = [];
  let next = 0;
  for (let b = 0; b + 1 < boundaries.length; b++) {
    const start = boundaries[b]!;
    const end = boundaries[b + 1]!;
    active = active.filter((entry) => entry.end > start);
    while (next < clamped.length && clamped[next]!.start === start) active.push(clamped[next++]!);
    segments.push({ start, end, covering: active.map((entry) => entry.range) });
  }
  return segments;
}
