import { describe, expect, it } from "vitest";

import { mapParagraphs } from "./paragraph-map";
import { RU_SAMPLE, RU_SAMPLE_2, RU_SAMPLE_3 } from "./test-fixtures";

const A = "Alpha paragraph talks about the first topic in some detail.";
const B = "Bravo paragraph continues with a second, rather different topic.";
const C = "Charlie paragraph closes the article with a short conclusion.";
const SPLIT_AT = B.indexOf(" continues");

describe("mapParagraphs", () => {
  it.each([
    {
      name: "unchanged",
      old: [A, B, C],
      new: [A, B, C],
      identical: [0, 1, 2],
      similar: [[], [], []],
      changed: [false, false, false],
    },
    {
      name: "paragraph inserted at the top",
      old: [A, B],
      new: ["New lead paragraph.", A, B],
      identical: [1, 2],
      similar: [[], []],
      changed: [true, false, false],
    },
    {
      name: "reordered",
      old: [A, B, C],
      new: [C, A, B],
      identical: [1, 2, 0],
      similar: [[], [], []],
      changed: [false, false, false],
    },
    {
      name: "deleted",
      old: [A, B, C],
      new: [A, C],
      identical: [0, -1, 1],
      similar: [[], [], []],
      changed: [false, false],
    },
    {
      name: "edited",
      old: [A, B, C],
      new: [A, B.replace("rather", "quite"), C],
      identical: [0, -1, 2],
      similar: [[], [1], []],
      changed: [false, true, false],
    },
    {
      name: "split in two",
      old: [A, B, C],
      new: [A, B.slice(0, SPLIT_AT), B.slice(SPLIT_AT + 1), C],
      identical: [0, -1, 3],
      similar: [[], [1, 2], []],
      changed: [false, true, true, false],
    },
    {
      name: "two merged",
      old: [A, B, C],
      new: [`${A} ${B}`, C],
      identical: [-1, -1, 1],
      similar: [[0], [0], []],
      changed: [true, false],
    },
    {
      name: "repeated paragraphs pair with the nearest copy",
      old: ["* * *", A, "* * *", B],
      new: [A, "* * *", B, "* * *"],
      identical: [1, 0, 3, 2],
      similar: [[], [], [], []],
      changed: [false, false, false, false],
    },
    {
      name: "Cyrillic paragraphs, one edited",
      old: [RU_SAMPLE, RU_SAMPLE_2, RU_SAMPLE_3],
      new: [RU_SAMPLE, RU_SAMPLE_2.replace("наглядным", "явным"), RU_SAMPLE_3],
      identical: [0, -1, 2],
      similar: [[], [1], []],
      changed: [false, true, false],
    },
    {
      name: "everything removed",
      old: [A, B],
      new: [],
      identical: [-1, -1],
      similar: [[], []],
      changed: [],
    },
  ])("$name", ({ old, new: next, identical, similar, changed }) => {
    const map = mapParagraphs(old, next);
    expect(map.identical).toEqual(identical);
    expect(map.similar).toEqual(similar);
    expect(map.changed).toEqual(changed);
    for (const expected of map.expected) {
      expect(expected).toBeGreaterThanOrEqual(0);
      expect(expected).toBeLessThanOrEqual(Math.max(0, next.length - 1));
    }
  });

  it("expects unmatched paragraphs next to their mapped neighbours", () => {
    const map = mapParagraphs([A, B, C], ["Intro.", "Another intro.", A, "Rewritten bravo.", C]);
    expect(map.expected).toEqual([2, 3, 4]);
  });
});
