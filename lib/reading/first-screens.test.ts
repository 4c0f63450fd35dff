import { describe, expect, it } from "vitest";
import { FIRST_SCREENS_CHARACTERS, FIRST_SCREENS_PARAGRAPHS, firstScreens } from "@/lib/reading/first-screens";

const paragraphs = (count: number, length: number) => Array.from({ length: count }, (_, index) => ({ position: index + 1, text: "x".repeat(length) }));

describe("firstScreens", () => {
  it("keeps a short article whole", () => {
    expect(firstScreens(paragraphs(7, 300))).toHaveLength(7);
    expect(firstScreens([])).toEqual([]);
  });

  it("stops at the paragraph budget when paragraphs are short (wire copy)", () => {
    expect(firstScreens(paragraphs(150, 100)).map((p) => p.position)).toEqual(Array.from({ length: FIRST_SCREENS_PARAGRAPHS }, (_, i) => i + 1));
  });

  it("stops at the character budget when paragraphs are long, never over it", () => {
    const first = firstScreens(paragraphs(2000, 600));
    expect(first).toHaveLength(Math.floor(FIRST_SCREENS_CHARACTERS / 600));
    expect(first.reduce((sum, p) => sum + p.text.length, 0)).toBeLessThanOrEqual(FIRST_SCREENS_CHARACTERS);
  });

  it("counts a paragraph that exactly fills the budget in", () => {
    expect(firstScreens(paragraphs(5, 100), { maxCharacters: 300 })).toHaveLength(3);
  });

  it("always carries the first paragraph, however long, and nothing after an over-long one", () => {
    expect(firstScreens([{ text: "x".repeat(50_000) }, { text: "short" }])).toHaveLength(1);
  });
});
