import { describe, expect, it } from "vitest";
import { placeAnnotation, type PlacementParagraph } from "./place-annotation";

const paragraphs: PlacementParagraph[] = [
  { id: "a", position: 1, text: "Путин 👍🏽 встретился с Алиевым в Москве." },
  { id: "b", position: 2, text: "Переговоры продолжатся в Москве на следующей неделе." },
  { id: "c", position: 3, text: "Встреча прошла в Москве, сообщил Песков." },
];

describe("placeAnnotation", () => {
  it("puts Glossa's own export back where it was: the position holds the words (emoji before them included)", () => {
    const start = paragraphs[0]!.text.indexOf("встретился");
    const placement = placeAnnotation(paragraphs, { paragraph: 1, quote: { exact: "встретился", prefix: "Путин 👍🏽 ", suffix: " с" }, position: { start, end: start + 10 } });
    expect(placement).toMatchObject({ placed: true, start, end: start + 10, exact: "встретился", moved: false, approximate: false });
    expect(placement.placed && placement.paragraph.id).toBe("a");
  });

  it("lets the context choose among repeated words, and the position when the context is gone", () => {
    const withContext = placeAnnotation(paragraphs, { paragraph: 2, quote: { exact: "Москве", prefix: "продолжатся в ", suffix: " на" }, position: null });
    expect(withContext.placed && withContext.paragraph.id).toBe("b");
    // Stale offsets (the text moved on): the quote is searched for, not trusted blindly.
    const stale = placeAnnotation(paragraphs, { paragraph: 3, quote: { exact: "Песков" }, position: { start: 0, end: 6 } });
    expect(stale).toMatchObject({ placed: true, start: paragraphs[2]!.text.indexOf("Песков") });
  });

  it("finds the words in another paragraph when the named one lost them, and says it moved", () => {
    const moved = placeAnnotation(paragraphs, { paragraph: 1, quote: { exact: "сообщил Песков" }, position: { start: 3, end: 17 } });
    expect(moved).toMatchObject({ placed: true, moved: true });
    expect(moved.placed && moved.paragraph.id).toBe("c");
    const anyParagraph = placeAnnotation(paragraphs, { paragraph: null, quote: { exact: "следующей неделе" }, position: null });
    expect(anyParagraph.placed && anyParagraph.paragraph.id).toBe("b");
  });

  it("matches an edited quote approximately and says so", () => {
    const placement = placeAnnotation(paragraphs, { paragraph: 2, quote: { exact: "Переговоры продолжаться в Москве" }, position: null });
    expect(placement).toMatchObject({ placed: true, approximate: true, exact: "Переговоры продолжатся в Москве" });
  });

  it("orphans what is not there, with the reason", () => {
    expect(placeAnnotation(paragraphs, { paragraph: 9, quote: { exact: "Лавров" }, position: null })).toEqual({ placed: false, reason: "Paragraph 9 is not in the article, and «Лавров» is nowhere else in its text." });
    expect(placeAnnotation(paragraphs, { paragraph: 2, quote: { exact: "Зеленский" }, position: null })).toEqual({ placed: false, reason: "«Зеленский» is not in the article's current text (looked in paragraph 2 first)." });
    expect(placeAnnotation(paragraphs, { paragraph: null, quote: { exact: "Москве" }, position: null })).toEqual({ placed: false, reason: "«Москве» occurs 3 times and the annotation's context does not say which." });
    expect(placeAnnotation(paragraphs, { paragraph: null, quote: { exact: "в Москве.\n\nПереговоры" }, position: null })).toMatchObject({ placed: false, reason: expect.stringContaining("runs across paragraphs") });
    expect(placeAnnotation([], { paragraph: null, quote: { exact: "x".repeat(100) }, position: null })).toMatchObject({ placed: false, reason: expect.stringContaining("…»") });
  });
});
