import { describe, expect, it } from "vitest";

import { segmentParagraph, type Segment } from "./segments";
import { EMOJI_SAMPLE, RU_SAMPLE } from "./test-fixtures";

interface Range {
  id: string;
  start: number;
  end: number;
}

/** Segments as compact tuples: [start, end, ids of covering ranges]. */
function compact(segments: Segment<Range>[]): [number, number, string[]][] {
  return segments.map((s) => [s.start, s.end, s.covering.map((r) => r.id)]);
}

/** Deterministic pseudo-random numbers (a 32-bit LCG), so failures reproduce. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Checks the invariants every segmentation must satisfy, by brute force. */
function expectValidSegmentation(text: string, ranges: Range[], segments: Segment<Range>[]): void {
  expect(segments.map((s) => text.slice(s.start, s.end)).join("")).toBe(text);
  segments.forEach((segment, i) => {
    expect(segment.start).toBeLessThan(segment.end);
    if (i > 0) expect(segment.start).toBe(segments[i - 1]!.end);
    const expected = ranges
      .filter((r) => Number.isInteger(r.start) && Number.isInteger(r.end))
      .filter((r) => Math.max(0, r.start) < Math.min(text.length, r.end))
      .filter((r) => r.start <= segment.start && r.end >= segment.end)
      .map((r) => r.id)
      .sort();
    expect(segment.covering.map((r) => r.id).sort()).toEqual(expected);
  });
}

describe("segmentParagraph", () => {
  it.each<{ name: string; length: number; ranges: Range[]; expected: [number, number, string[]][] }>([
    { name: "empty text", length: 0, ranges: [{ id: "a", start: 0, end: 3 }], expected: [] },
    { name: "no ranges", length: 10, ranges: [], expected: [[0, 10, []]] },
    {
      name: "one range in the middle",
      length: 10,
      ranges: [{ id: "a", start: 2, end: 5 }],
      expected: [
        [0, 2, []],
        [2, 5, ["a"]],
        [5, 10, []],
      ],
    },
    {
      name: "whole text",
      length: 4,
      ranges: [{ id: "a", start: 0, end: 4 }],
      expected: [[0, 4, ["a"]]],
    },
    {
      name: "overlapping",
      length: 10,
      ranges: [
        { id: "b", start: 4, end: 8 },
        { id: "a", start: 2, end: 6 },
      ],
      expected: [
        [0, 2, []],
        [2, 4, ["a"]],
        [4, 6, ["a", "b"]],
        [6, 8, ["b"]],
        [8, 10, []],
      ],
    },
    {
      name: "nested: outer first",
      length: 10,
      ranges: [
        { id: "inner", start: 3, end: 5 },
        { id: "outer", start: 0, end: 10 },
      ],
      expected: [
        [0, 3, ["outer"]],
        [3, 5, ["outer", "inner"]],
        [5, 10, ["outer"]],
      ],
    },
    {
      name: "same start: longer first",
      length: 10,
      ranges: [
        { id: "short", start: 2, end: 4 },
        { id: "long", start: 2, end: 8 },
      ],
      expected: [
        [0, 2, []],
        [2, 4, ["long", "short"]],
        [4, 8, ["long"]],
        [8, 10, []],
      ],
    },
    {
      name: "identical ranges: by id",
      length: 6,
      ranges: [
        { id: "z", start: 1, end: 5 },
        { id: "m", start: 1, end: 5 },
        { id: "a", start: 1, end: 5 },
      ],
      expected: [
        [0, 1, []],
        [1, 5, ["a", "m", "z"]],
        [5, 6, []],
      ],
    },
    {
      name: "adjacent ranges do not overlap",
      length: 6,
      ranges: [
        { id: "b", start: 3, end: 6 },
        { id: "a", start: 0, end: 3 },
      ],
      expected: [
        [0, 3, ["a"]],
        [3, 6, ["b"]],
      ],
    },
    {
      name: "ignores empty, reversed, out-of-range and fractional ranges",
      length: 5,
      ranges: [
        { id: "empty", start: 2, end: 2 },
        { id: "reversed", start: 4, end: 1 },
        { id: "after", start: 7, end: 9 },
        { id: "before", start: -4, end: 0 },
        { id: "fraction", start: 1.5, end: 3 },
        { id: "nan", start: Number.NaN, end: 3 },
      ],
      expected: [[0, 5, []]],
    },
    {
      name: "clamps ranges that stick out of the text",
      length: 5,
      ranges: [
        { id: "left", start: -3, end: 2 },
        { id: "right", start: 3, end: 99 },
      ],
      expected: [
        [0, 2, ["left"]],
        [2, 3, []],
        [3, 5, ["right"]],
      ],
    },
    {
      name: "staircase of three",
      length: 7,
      ranges: [
        { id: "c", start: 3, end: 7 },
        { id: "a", start: 0, end: 4 },
        { id: "b", start: 1, end: 6 },
      ],
      expected: [
        [0, 1, ["a"]],
        [1, 3, ["a", "b"]],
        [3, 4, ["a", "b", "c"]],
        [4, 6, ["b", "c"]],
        [6, 7, ["c"]],
      ],
    },
  ])("$name", ({ length, ranges, expected }) => {
    expect(compact(segmentParagraph(length, ranges))).toEqual(expected);
  });

  it("returns the caller's own range objects", () => {
    const range = { id: "a", start: 1, end: 2, colour: "#fc0" };
    const [, middle] = segmentParagraph(3, [range]);
    expect(middle?.covering[0]).toBe(range);
  });

  it.each([
    { name: "Cyrillic", text: RU_SAMPLE },
    { name: "emoji, flags and combining marks", text: EMOJI_SAMPLE },
  ])("slices of $name text concatenate back to the text", ({ text }) => {
    const next = random(7);
    const ranges = Array.from({ length: 40 }, (_, i) => {
      const a = Math.floor(next() * (text.length + 4)) - 2;
      const b = Math.floor(next() * (text.length + 4)) - 2;
      return { id: `r${i}`, start: Math.min(a, b), end: Math.max(a, b) };
    });
    expectValidSegmentation(text, ranges, segmentParagraph(text.length, ranges));
  });

  it("handles 500 overlapping ranges on one paragraph", () => {
    const text = "word ".repeat(1_000);
    const next = random(42);
    const ranges = Array.from({ length: 500 }, (_, i) => {
      const start = Math.floor(next() * text.length);
      return { id: `r${i}`, start, end: start + 1 + Math.floor(next() * 200) };
    });
    const segments = segmentParagraph(text.length, ranges);
    expectValidSegmentation(text, ranges, segments);
  });

  it("handles 10,000 ranges across 2,000 paragraphs", () => {
    const next = random(1);
    let segmentCount = 0;
    for (let p = 0; p < 2_000; p++) {
      const length = 200 + Math.floor(next() * 800);
      const ranges = Array.from({ length: 5 }, (_, i) => {
        const start = Math.floor(next() * length);
        return { id: `${p}-${i}`, start, end: start + 1 + Math.floor(next() * 60) };
      });
      const segments = segmentParagraph(length, ranges);
      expect(segments.at(-1)?.end).toBe(length);
      segmentCount += segments.length;
    }
    expect(segmentCount).toBeGreaterThan(2_000);
  });

  it.each([
    { name: "negative", length: -1 },
    { name: "fractional", length: 2.5 },
  ])("throws RangeError for a $name text length", ({ length }) => {
    expect(() => segmentParagraph(length, [])).toThrow(RangeError);
  });
});
