import { describe, expect, it } from "vitest";

import { editDistance } from "./fuzzy";
import { reanchor, type ReanchorResult, type StoredAnnotation } from "./reanchor";
import { annotate, OLD, orphaned, REANCHOR_CASES } from "./reanchor-cases";
import { describeRange } from "./selectors";

/** Every placed result must be a valid, non-empty range of its new paragraph. */
function expectValidOffsets(results: ReanchorResult[], paragraphs: string[]): void {
  const invalid = results.filter((result) => {
    if ("status" in result) return false;
    const length = paragraphs[result.paragraphIndex]?.length ?? -1;
    const { start, end } = result;
    return !(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= length);
  });
  expect(invalid).toEqual([]);
}

const [P0, , P2, P3] = OLD as [string, string, string, string];

describe("reanchor", () => {
  it.each(REANCHOR_CASES)("$edit: $name", ({ old, new: next, annotations, expected }) => {
    const results = reanchor(old, next, annotations);
    expect(results).toEqual(expected);
    expectValidOffsets(results, next);
  });

  it("returns results in input order", () => {
    const annotations = [
      annotate("z", OLD, 3, "three years"),
      annotate("gone", OLD, 1, "cat shelter"),
      annotate("a", OLD, 0, "tram line"),
    ];
    const results = reanchor(OLD, [P0, P2, P3], annotations);
    expect(results.map((r) => r.id)).toEqual(["z", "gone", "a"]);
    expect(results[1]).toEqual(orphaned("gone"));
  });

  it("handles no annotations and empty articles", () => {
    expect(reanchor(OLD, OLD, [])).toEqual([]);
    expect(reanchor([], [], [])).toEqual([]);
  });

  /** 2,000 paragraphs of 40 words from a vocabulary of 30 (each word thousands of times), 5 annotations each. */
  function repetitiveArticle(): { old: string[]; annotations: StoredAnnotation[] } {
    const words = "river council tram summer decision garden market winter bridge school museum harbour station library festival ferry village mountain forest ministry budget election theatre factory stadium airport hospital castle square tower".split(" ");
    let state = 12345;
    const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    const pick = () => words[Math.floor(next() * words.length)]!;
    const old = Array.from({ length: 2_000 }, (_, p) => `Paragraph ${p}: ` + Array.from({ length: 40 }, pick).join(" ") + ".");
    const annotations = old.flatMap((text, p) =>
      [0, 1, 2, 3, 4].map((k) => {
        const start = text.indexOf(" ", 20 + k * 50) + 1;
        const end = text.indexOf(" ", start + 15);
        return { id: `${p}-${k}`, paragraphIndex: p, ...describeRange(text, start, end) };
      }),
    );
    return { old, annotations };
  }

  it("re-anchors 2,000 repetitive paragraphs × 5 annotations when every paragraph changed", () => {
    const { old, annotations } = repetitiveArticle();
    // A doubled space before every annotation: no paragraph is identical, every word is common.
    const edited = old.map((text) => text.replace(": ", ":  "));
    const results = reanchor(old, edited, annotations);
    expect(results).toEqual(annotations.map(({ id, paragraphIndex, start, end }) => ({ id, paragraphIndex, start: start + 1, end: end + 1 })));
  });

  it("re-anchors 2,000 paragraphs × 5 annotations after scattered edits", () => {
    const { old, annotations } = repetitiveArticle();

    const edited: string[] = [];
    old.forEach((text, p) => {
      if (p % 100 === 0) edited.push(`Inserted note ${p}.`);
      if (p % 97 === 0) return; // deleted
      if (p % 31 === 0) edited.push(text.replace("Paragraph", "Pargraph")); // typo before the quotes
      else if (p % 53 === 0) edited.push(text.slice(0, 150), text.slice(150)); // split
      else edited.push(text);
    });

    const results = reanchor(old, edited, annotations);
    expect(results).toHaveLength(10_000);
    expectValidOffsets(results, edited);
    const orphans = results.filter((r) => "status" in r);
    // Exactly the annotations of the 21 deleted paragraphs (p % 97 === 0) are lost.
    expect(orphans.length).toBe(21 * 5);
    // Every placement holds the quote, except where a split cut through it: then it holds
    // the larger part, more than half of the quote.
    const exactById = new Map(annotations.map((a) => [a.id, a.exact]));
    const partial = results.flatMap((result) => {
      if ("status" in result) return [];
      const exact = exactById.get(result.id)!;
      const slice = edited[result.paragraphIndex]!.slice(result.start, result.end);
      return slice === exact ? [] : [{ exact, slice }];
    });
    expect(partial.length).toBeLessThan(10);
    for (const { exact, slice } of partial) {
      expect(exact).toContain(slice);
      expect(editDistance(slice, exact)).toBeLessThan(exact.length / 2);
    }
  });
});
