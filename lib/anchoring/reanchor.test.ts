import { describe, expect, it } from "vitest";

import { editDistance } from "./fuzzy";
import { reanchor, type ReanchorResult, type StoredAnnotation } from "./reanchor";
import { describeRange } from "./selectors";
import { AR_SAMPLE, EMOJI_SAMPLE, HE_SAMPLE, PARTY, RU_SAMPLE, RU_SAMPLE_2, RU_SAMPLE_3 } from "./test-fixtures";

/** Offset of the `occurrence`-th (0-based) appearance of `needle` in `text`. */
function find(text: string, needle: string, occurrence = 0): number {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) {
    start = text.indexOf(needle, start + 1);
    if (start === -1) throw new Error(`"${needle}" #${occurrence} not in "${text}"`);
  }
  return start;
}

/** An annotation on `needle` in paragraph `index`, stored the way the app stores it. */
function annotate(id: string, paragraphs: string[], index: number, needle: string, occurrence = 0): StoredAnnotation {
  const text = paragraphs[index]!;
  const start = find(text, needle, occurrence);
  return { id, paragraphIndex: index, ...describeRange(text, start, start + needle.length) };
}

/** The expected placement of `needle` in paragraph `index` of the new text. */
function placed(id: string, paragraphs: string[], index: number, needle: string, occurrence = 0): ReanchorResult {
  const start = find(paragraphs[index]!, needle, occurrence);
  return { id, paragraphIndex: index, start, end: start + needle.length };
}

function orphaned(id: string): ReanchorResult {
  return { id, status: "ORPHANED" };
}

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

const P0 = "The city council met on Tuesday to discuss the new tram line through the old town.";
const P1 = "Residents complained that the cat shelter near the river would lose its garden, and the cat owners protested.";
const P2 = "The mayor promised a final decision before the summer holidays, after hearing all the experts.";
const P3 = "Construction is expected to start next spring and take about three years to complete.";
const OLD = [P0, P1, P2, P3];
const AR_EDITED = AR_SAMPLE.replace("الأسبوع المقبل", "الشهر المقبل");
const HE_EDITED = HE_SAMPLE.replace("בשבוע הבא", "בעוד שבועיים");

interface Case {
  name: string;
  old: string[];
  new: string[];
  annotations: StoredAnnotation[];
  expected: ReanchorResult[];
}

describe("reanchor", () => {
  it.each<Case>([
    {
      name: "unchanged article keeps every position",
      old: OLD,
      new: OLD,
      annotations: [annotate("a", OLD, 0, "new tram line"), annotate("b", OLD, 3, "three years")],
      expected: [placed("a", OLD, 0, "new tram line"), placed("b", OLD, 3, "three years")],
    },
    {
      name: "paragraph inserted before: same offsets, next index",
      old: OLD,
      new: ["Update: the meeting was postponed.", ...OLD],
      annotations: [annotate("a", OLD, 2, "final decision")],
      expected: [{ id: "a", paragraphIndex: 3, start: find(P2, "final decision"), end: find(P2, "final decision") + 14 }],
    },
    {
      name: "one-character typo fixed inside the quote",
      old: [P0, "The mayor promissed a final decision before the summer holidays.", P3],
      new: [P0, "The mayor promised a final decision before the summer holidays.", P3],
      annotations: [annotate("a", [P0, "The mayor promissed a final decision before the summer holidays.", P3], 1, "promissed a final decision")],
      expected: [placed("a", [P0, "The mayor promised a final decision before the summer holidays.", P3], 1, "promised a final decision")],
    },
    {
      name: "one-character typo fixed just before the quote",
      old: [P0, "The mayorr promised a final decision before the summer holidays.", P3],
      new: [P0, "The mayor promised a final decision before the summer holidays.", P3],
      annotations: [annotate("a", [P0, "The mayorr promised a final decision before the summer holidays.", P3], 1, "final decision")],
      expected: [placed("a", [P0, "The mayor promised a final decision before the summer holidays.", P3], 1, "final decision")],
    },
    {
      name: "repeated quote: the second 'the cat' stays the second",
      old: OLD,
      new: [P0, P1.replace("Residents complained", "Many residents complained loudly"), P2, P3],
      annotations: [annotate("first", OLD, 1, "the cat", 0), annotate("second", OLD, 1, "the cat", 1)],
      expected: [
        placed("first", [P0, P1.replace("Residents complained", "Many residents complained loudly")], 1, "the cat", 0),
        placed("second", [P0, P1.replace("Residents complained", "Many residents complained loudly")], 1, "the cat", 1),
      ],
    },
    {
      name: "paragraph split in two",
      old: OLD,
      new: [P0, "Residents complained that the cat shelter near the river would lose its garden.", "And the cat owners protested.", P2, P3],
      annotations: [
        annotate("head", OLD, 1, "cat shelter near the river"),
        annotate("tail", OLD, 1, "the cat owners protested"),
        annotate("after", OLD, 2, "final decision"),
      ],
      expected: [
        placed("head", ["", "Residents complained that the cat shelter near the river would lose its garden."], 1, "cat shelter near the river"),
        placed("tail", ["", "", "And the cat owners protested."], 2, "the cat owners protested"),
        placed("after", [P0, "", "", P2], 3, "final decision"),
      ],
    },
    {
      name: "two paragraphs merged",
      old: OLD,
      new: [P0, `${P1} ${P2}`, P3],
      annotations: [annotate("one", OLD, 1, "the cat", 1), annotate("two", OLD, 2, "the summer holidays"), annotate("last", OLD, 3, "next spring")],
      expected: [
        placed("one", [P0, `${P1} ${P2}`], 1, "the cat", 1),
        placed("two", [P0, `${P1} ${P2}`], 1, "the summer holidays"),
        placed("last", [P0, "", P3], 2, "next spring"),
      ],
    },
    {
      name: "paragraphs reordered",
      old: OLD,
      new: [P3, P2, P1, P0],
      annotations: [annotate("a", OLD, 0, "tram line"), annotate("b", OLD, 3, "three years")],
      expected: [placed("a", [P3, P2, P1, P0], 3, "tram line"), placed("b", [P3], 0, "three years")],
    },
    {
      name: "paragraph moved and edited",
      old: OLD,
      new: [P1, P2, P3, P0.replace("Tuesday", "Wednesday")],
      annotations: [annotate("a", OLD, 0, "to discuss the new tram line")],
      expected: [placed("a", [P1, P2, P3, P0.replace("Tuesday", "Wednesday")], 3, "to discuss the new tram line")],
    },
    {
      name: "paragraph deleted",
      old: OLD,
      new: [P0, P2, P3],
      annotations: [annotate("gone", OLD, 1, "cat shelter"), annotate("kept", OLD, 2, "final decision")],
      expected: [orphaned("gone"), placed("kept", [P0, P2], 1, "final decision")],
    },
    {
      name: "deleted paragraph whose words also occur in an unchanged one",
      old: [P0, "Many people came to see the new tram line on Tuesday.", P2],
      new: [P0, P2],
      annotations: [annotate("gone", [P0, "Many people came to see the new tram line on Tuesday."], 1, "the new tram line")],
      expected: [orphaned("gone")],
    },
    {
      name: "quote rewritten entirely",
      old: OLD,
      new: [P0, P1, "The mayor postponed everything until autumn without giving reasons.", P3],
      annotations: [annotate("a", OLD, 2, "a final decision before the summer holidays")],
      expected: [orphaned("a")],
    },
    {
      name: "everything deleted",
      old: OLD,
      new: [],
      annotations: [annotate("a", OLD, 0, "tram")],
      expected: [orphaned("a")],
    },
    {
      name: "Cyrillic party name inside “…” after edits around it",
      old: [RU_SAMPLE, RU_SAMPLE_2, RU_SAMPLE_3],
      new: ["Обновлено в 12:00.", RU_SAMPLE.replace("в пятницу", "в четверг"), RU_SAMPLE_2, RU_SAMPLE_3],
      annotations: [annotate("party", [RU_SAMPLE], 0, PARTY), annotate("second", [RU_SAMPLE, RU_SAMPLE_2], 1, "Альянса патриотов Грузии")],
      expected: [
        placed("party", ["", RU_SAMPLE.replace("в пятницу", "в четверг")], 1, PARTY),
        placed("second", ["", "", RU_SAMPLE_2], 2, "Альянса патриотов Грузии"),
      ],
    },
    {
      name: "emoji, flags and combining marks in an edited paragraph",
      old: [EMOJI_SAMPLE],
      new: [`Update: ${EMOJI_SAMPLE}`],
      annotations: [annotate("thumb", [EMOJI_SAMPLE], 0, "👍🏽"), annotate("flag", [EMOJI_SAMPLE], 0, "🇺🇦"), annotate("cafe", [EMOJI_SAMPLE], 0, "cafe\u0301 owners")],
      expected: [
        placed("thumb", [`Update: ${EMOJI_SAMPLE}`], 0, "👍🏽"),
        placed("flag", [`Update: ${EMOJI_SAMPLE}`], 0, "🇺🇦"),
        placed("cafe", [`Update: ${EMOJI_SAMPLE}`], 0, "cafe\u0301 owners"),
      ],
    },
    {
      name: "RTL paragraphs (Arabic, Hebrew) edited before the quote",
      old: [AR_SAMPLE, HE_SAMPLE],
      new: [AR_EDITED, HE_EDITED],
      annotations: [annotate("ar", [AR_SAMPLE], 0, "في القاهرة"), annotate("he", [AR_SAMPLE, HE_SAMPLE], 1, "בירושלים")],
      expected: [placed("ar", [AR_EDITED], 0, "في القاهرة"), placed("he", [AR_EDITED, HE_EDITED], 1, "בירושלים")],
    },
    {
      name: "stale offsets in an unchanged paragraph are repaired from the quote",
      old: OLD,
      new: OLD,
      annotations: [{ ...annotate("a", OLD, 2, "final decision"), start: 0, end: 14 }],
      expected: [placed("a", OLD, 2, "final decision")],
    },
    {
      name: "unknown old paragraph index: searched everywhere",
      old: OLD,
      new: OLD,
      annotations: [
        { ...annotate("far", OLD, 3, "Construction is expected to start next spring"), paragraphIndex: 99 },
        { ...annotate("negative", OLD, 0, "The city council met on Tuesday"), paragraphIndex: -1 },
        { ...annotate("fraction", OLD, 2, "The mayor promised a final decision"), paragraphIndex: 1.5 },
        { ...annotate("nan", OLD, 1, "cat shelter near the river"), paragraphIndex: Number.NaN },
      ],
      expected: [
        placed("far", OLD, 3, "Construction is expected to start next spring"),
        placed("negative", OLD, 0, "The city council met on Tuesday"),
        placed("fraction", OLD, 2, "The mayor promised a final decision"),
        placed("nan", OLD, 1, "cat shelter near the river"),
      ],
    },
  ])("$name", ({ old, new: next, annotations, expected }) => {
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

  it("re-anchors 2,000 paragraphs × 5 annotations after scattered edits", () => {
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
    // the larger part, within the fuzzy tolerance.
    const exactById = new Map(annotations.map((a) => [a.id, a.exact]));
    const partial = results.flatMap((result) => {
      if ("status" in result) return [];
      const exact = exactById.get(result.id)!;
      const slice = edited[result.paragraphIndex]!.slice(result.start, result.end);
      return slice === exact ? [] : [{ exact, slice }];
    });
    expect(partial.length).toBeLessThan(10);
    for (const { exact, slice } of partial) expect(editDistance(slice, exact)).toBeLessThanOrEqual(exact.length / 4);
  });
});
