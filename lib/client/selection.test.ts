// @vitest-environment jsdom
/**
 * The DOM adapter between a browser Range and paragraph selections, both ways: a selection is put
 * back on the same words after its paragraphs render their marks anew (the selection toolbar does
 * it when annotations arrive), however the marks cut the text, emoji and Cyrillic included.
 */
import { afterEach, describe, expect, it } from "vitest";
import { paragraphSelectionsToRange, rangeToParagraphSelections, sameSelections } from "./selection";

const FIRST = "Власти России разделяют озабоченность 👍🏽 нынешним состоянием связей.";
const SECOND = "В Кремле назвали обращение наглядным подтверждением.";

afterEach(() => document.body.replaceChildren());

/** An article root whose paragraphs are cut into marks at the given offsets, each mark opening with an empty keyboard handle as the reader's do. */
function article(cuts: Record<string, [number, number][]>): HTMLElement {
  const root = document.createElement("div");
  for (const [id, position, text] of [["p1", 1, FIRST], ["p2", 2, SECOND]] as const) {
    const paragraph = document.createElement("p");
    paragraph.dataset.paragraphId = id;
    paragraph.dataset.position = String(position);
    let at = 0;
    for (const [start, end] of cuts[id] ?? []) {
      paragraph.append(text.slice(at, start));
      const mark = document.createElement("mark");
      const handle = document.createElement("span");
      handle.tabIndex = 0;
      mark.append(handle, text.slice(start, end));
      paragraph.append(mark);
      at = end;
    }
    paragraph.append(text.slice(at));
    root.append(paragraph);
  }
  document.body.append(root);
  return root;
}

/** The paragraph selections of the words from `from` in one paragraph to `to` in another (or the same). */
function selectionsOf(root: HTMLElement, from: [string, number], to: [string, number]) {
  const range = paragraphSelectionsToRange(
    [
      { paragraphId: from[0], position: 0, start: from[1], end: from[1], exact: "", prefix: "", suffix: "" },
      { paragraphId: to[0], position: 0, start: to[1], end: to[1], exact: "", prefix: "", suffix: "" },
    ],
    root,
  )!;
  return rangeToParagraphSelections(range, root);
}

describe("paragraphSelectionsToRange", () => {
  const words = FIRST.indexOf("озабоченность");
  const emoji = FIRST.indexOf("👍🏽");
  const cases: { name: string; cuts: Record<string, [number, number][]>; from: [string, number]; to: [string, number] }[] = [
    { name: "plain text", cuts: {}, from: ["p1", words], to: ["p1", words + 13] },
    { name: "a mark over its last words", cuts: { p1: [[words + 5, words + 30]] }, from: ["p1", words], to: ["p1", words + 13] },
    { name: "ending where a mark starts", cuts: { p1: [[words + 13, words + 20]] }, from: ["p1", words], to: ["p1", words + 13] },
    { name: "starting where a mark ends", cuts: { p1: [[0, words]] }, from: ["p1", words], to: ["p1", words + 13] },
    { name: "nested in a mark, around an emoji", cuts: { p1: [[words, emoji + 4]] }, from: ["p1", emoji], to: ["p1", emoji + 4] },
    { name: "across two paragraphs, both cut", cuts: { p1: [[words, words + 3]], p2: [[2, 8]] }, from: ["p1", words], to: ["p2", 16] },
  ];
  for (const { name, cuts, from, to } of cases) {
    it(`puts a selection back on its words: ${name}`, () => {
      const before = selectionsOf(article({}), from, to);
      document.body.replaceChildren();
      const after = selectionsOf(article(cuts), from, to);
      expect(after).toEqual(before);
      expect(sameSelections(after, before)).toBe(true);
      expect(before.map((selection) => selection.exact).join("|")).toBe(
        from[0] === to[0] ? FIRST.slice(from[1], to[1]) : `${FIRST.slice(from[1])}|${SECOND.slice(0, to[1])}`,
      );
    });
  }

  it("keeps the range out of the marks around its words", () => {
    const root = article({ p1: [[0, words], [words + 13, words + 20]] });
    const range = paragraphSelectionsToRange([{ paragraphId: "p1", position: 1, start: words, end: words + 13, exact: "", prefix: "", suffix: "" }], root)!;
    expect(range.toString()).toBe("озабоченность");
    expect(range.startContainer.parentElement?.tagName).toBe("P");
    expect(range.endContainer.parentElement?.tagName).toBe("P");
  });

  it("gives null for no selection, or a paragraph that is not on the page", () => {
    const root = article({});
    expect(paragraphSelectionsToRange([], root)).toBeNull();
    expect(paragraphSelectionsToRange([{ paragraphId: "gone", position: 9, start: 0, end: 3, exact: "", prefix: "", suffix: "" }], root)).toBeNull();
  });
});

describe("sameSelections", () => {
  it("compares paragraphs and offsets", () => {
    const one = { paragraphId: "p1", position: 1, start: 0, end: 6, exact: "Власти", prefix: "", suffix: "" };
    expect(sameSelections([one], [{ ...one }])).toBe(true);
    expect(sameSelections([one], [{ ...one, end: 5 }])).toBe(false);
    expect(sameSelections([one], [{ ...one, paragraphId: "p2" }])).toBe(false);
    expect(sameSelections([one], [])).toBe(false);
  });
});
