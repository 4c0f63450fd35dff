import { describe, expect, it } from "vitest";

import { editDistance, searchApproximate } from "./fuzzy";

describe("editDistance", () => {
  it.each([
    { a: "", b: "", expected: 0 },
    { a: "abc", b: "", expected: 3 },
    { a: "", b: "abc", expected: 3 },
    { a: "kitten", b: "sitting", expected: 3 },
    { a: "recieve", b: "receive", expected: 2 },
    { a: "Грузии", b: "Грузия", expected: 1 },
    { a: "e\u0301", b: "\u00e9", expected: 2 }, // decomposed vs precomposed: different code units
    { a: "👍", b: "👍🏽", expected: 2 }, // the modifier is two code units
    { a: "שלום", b: "שלום", expected: 0 },
  ])("$a ↔ $b = $expected", ({ a, b, expected }) => {
    expect(editDistance(a, b)).toBe(expected);
    expect(editDistance(b, a)).toBe(expected);
  });
});

describe("searchApproximate", () => {
  it.each([
    {
      name: "exact occurrence",
      text: "the quick brown fox",
      pattern: "quick",
      maxErrors: 0,
      expected: [{ start: 4, end: 9, errors: 0 }],
    },
    {
      name: "every exact occurrence, in order",
      text: "ab ab ab",
      pattern: "ab",
      maxErrors: 0,
      expected: [
        { start: 0, end: 2, errors: 0 },
        { start: 3, end: 5, errors: 0 },
        { start: 6, end: 8, errors: 0 },
      ],
    },
    {
      name: "one substitution",
      text: "she will receive the parcel",
      pattern: "recieve the",
      maxErrors: 2,
      expected: [{ start: 9, end: 20, errors: 2 }],
    },
    {
      name: "one inserted character",
      text: "a quick brownn fox",
      pattern: "quick brown fox",
      maxErrors: 3,
      expected: [{ start: 2, end: 18, errors: 1 }],
    },
    {
      name: "one deleted character",
      text: "a quick brwn fox",
      pattern: "quick brown fox",
      maxErrors: 3,
      expected: [{ start: 2, end: 16, errors: 1 }],
    },
    {
      name: "Cyrillic case ending changed",
      text: "обращение “Альянса патриотов Грузии” наглядным",
      pattern: "Альянс патриотов Грузии",
      maxErrors: 5,
      expected: [{ start: 11, end: 35, errors: 1 }],
    },
    { name: "too many edits", text: "completely different", pattern: "quick brown", maxErrors: 2, expected: [] },
    { name: "text shorter than the pattern allows", text: "abc", pattern: "abcdefgh", maxErrors: 2, expected: [] },
    { name: "empty text", text: "", pattern: "abc", maxErrors: 1, expected: [] },
  ])("$name", ({ text, pattern, maxErrors, expected }) => {
    expect(searchApproximate(text, pattern, maxErrors)).toEqual(expected);
  });

  it("keeps only the best alignments of one region", () => {
    // "the cab" ends with one error after both "the ca" and "the cat"; "the cat " costs two.
    const matches = searchApproximate("the cat sat", "the cab", 1);
    expect(matches).toEqual([
      { start: 0, end: 6, errors: 1 },
      { start: 0, end: 7, errors: 1 },
    ]);
  });

  it("agrees with a full edit-distance check on every reported match", () => {
    const text = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt.";
    for (const pattern of ["dolor sat amet", "adipisicing", "tempor incidunt", "consectetur"]) {
      const found = searchApproximate(text, pattern, Math.floor(pattern.length / 4));
      expect(found.length).toBeGreaterThan(0);
      for (const match of found) {
        expect(editDistance(pattern, text.slice(match.start, match.end))).toBe(match.errors);
      }
    }
  });

  it.each([
    { name: "negative", maxErrors: -1 },
    { name: "as long as the pattern", maxErrors: 3 },
    { name: "fractional", maxErrors: 0.5 },
  ])("throws RangeError for a $name error bound", ({ maxErrors }) => {
    expect(() => searchApproximate("abcabc", "abc", maxErrors)).toThrow(RangeError);
  });

  it("finds the same best matches as a full dynamic-programming scan", () => {
    let state = 99;
    const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    const randomText = (length: number) => Array.from({ length }, () => "abcd "[Math.floor(next() * 5)]).join("");
    for (let round = 0; round < 200; round++) {
      const text = randomText(60 + Math.floor(next() * 60));
      const pattern = randomText(5 + Math.floor(next() * 20));
      const maxErrors = Math.floor(pattern.length / 4);
      // Reference: fewest errors of any alignment ending at each position, then region minima.
      const best = bestErrorsByEnd(text, pattern);
      const expected: number[] = [];
      for (let end = 1; end <= text.length; end++) {
        const errors = best[end]!;
        if (errors > maxErrors) continue;
        let from = end;
        while (from > 1 && best[from - 1]! <= maxErrors) from--;
        let to = end;
        while (to < text.length && best[to + 1]! <= maxErrors) to++;
        if (errors === Math.min(...best.slice(from, to + 1))) expected.push(end);
      }
      const found = searchApproximate(text, pattern, maxErrors);
      expect(found.map((match) => match.end)).toEqual(expected);
      for (const match of found) {
        expect(match.errors).toBe(best[match.end]);
        expect(editDistance(pattern, text.slice(match.start, match.end))).toBe(match.errors);
      }
    }
  });

  it("scans a megabyte of text", () => {
    const text = "lorem ipsum dolor sit amet ".repeat(40_000) + "the needle in the haystack";
    expect(searchApproximate(text, "the nedle in the haystack", 6)).toEqual([
      { start: text.length - 26, end: text.length, errors: 1 },
    ]);
  });
});

/** Plain O(n·m) semi-global edit distance: fewest errors of a match ending at each offset. */
function bestErrorsByEnd(text: string, pattern: string): number[] {
  let column = Array.from({ length: pattern.length + 1 }, (_, i) => i);
  const best = [column[pattern.length]!];
  for (let j = 1; j <= text.length; j++) {
    const next = [0];
    for (let i = 1; i <= pattern.length; i++) {
      const cost = pattern[i - 1] === text[j - 1] ? 0 : 1;
      next.push(Math.min(column[i - 1]! + cost, column[i]! + 1, next[i - 1]! + 1));
    }
    column = next;
    best.push(column[pattern.length]!);
  }
  return best;
}
