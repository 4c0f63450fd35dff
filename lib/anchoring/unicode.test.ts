import { describe, expect, it } from "vitest";

import { isClusterBoundary, isWhitespaceAt, snapBackward, snapForward, splitsSurrogatePair } from "./unicode";

/** Every offset 0..text.length that is a cluster boundary. */
function boundaries(text: string): number[] {
  return Array.from({ length: text.length + 1 }, (_, i) => i).filter((i) => isClusterBoundary(text, i));
}

describe("splitsSurrogatePair", () => {
  it.each([
    { text: "a😀b", offset: 2, expected: true },
    { text: "a😀b", offset: 1, expected: false },
    { text: "a😀b", offset: 3, expected: false },
    { text: "😀", offset: 0, expected: false },
    { text: "😀", offset: 2, expected: false },
    { text: "\ud83d", offset: 1, expected: false }, // lone high surrogate at the end
    { text: "\ude00x", offset: 1, expected: false }, // lone low surrogate
    { text: "", offset: 0, expected: false },
  ])("$text at $offset → $expected", ({ text, offset, expected }) => {
    expect(splitsSurrogatePair(text, offset)).toBe(expected);
  });
});

describe("isClusterBoundary", () => {
  it.each([
    { name: "ASCII", text: "abc", expected: [0, 1, 2, 3] },
    { name: "empty", text: "", expected: [0] },
    { name: "Cyrillic", text: "Грузия", expected: [0, 1, 2, 3, 4, 5, 6] },
    { name: "surrogate pair", text: "a😀b", expected: [0, 1, 3, 4] },
    { name: "e + combining acute", text: "e\u0301x", expected: [0, 2, 3] },
    { name: "two combining marks", text: "a\u0301\u0323b", expected: [0, 3, 4] },
    { name: "skin-tone modifier 👍🏽", text: "👍🏽!", expected: [0, 4, 5] },
    { name: "two flags 🇬🇪🇺🇦", text: "🇬🇪🇺🇦", expected: [0, 4, 8] },
    { name: "three flags after text", text: "x🇬🇪🇺🇦🇫🇷", expected: [0, 1, 5, 9, 13] },
    { name: "ZWJ sequence 👩‍💻", text: "👩\u200d💻.", expected: [0, 5, 6] },
    { name: "ZWJ before a letter breaks after it", text: "a\u200db", expected: [0, 2, 3] },
    { name: "keycap 1️⃣", text: "1\ufe0f\u20e3 2", expected: [0, 3, 4, 5] },
    { name: "tag sequence flag 🏴󠁧󠁢󠁳󠁣󠁴󠁿", text: "🏴󠁧󠁢󠁳󠁣󠁴󠁿a", expected: [0, 14, 15] },
    { name: "Arabic letters", text: "سلام", expected: [0, 1, 2, 3, 4] },
    { name: "Arabic with harakat", text: "مَرْ", expected: [0, 2, 4] },
    { name: "Hebrew with niqqud", text: "שָׁל", expected: [0, 3, 4] },
  ])("$name", ({ text, expected }) => {
    expect(boundaries(text)).toEqual(expected);
  });
});

describe("snapBackward / snapForward", () => {
  it.each([
    { text: "a😀b", offset: 2, back: 1, forward: 3 },
    { text: "a😀b", offset: 1, back: 1, forward: 1 },
    { text: "👍🏽", offset: 2, back: 0, forward: 4 },
    { text: "👍🏽", offset: 3, back: 0, forward: 4 },
    { text: "🇬🇪🇺🇦", offset: 6, back: 4, forward: 8 },
    { text: "cafe\u0301!", offset: 4, back: 3, forward: 5 },
    { text: "", offset: 0, back: 0, forward: 0 },
  ])("$text at $offset", ({ text, offset, back, forward }) => {
    expect(snapBackward(text, offset)).toBe(back);
    expect(snapForward(text, offset)).toBe(forward);
  });
});

describe("isWhitespaceAt", () => {
  it.each([
    { name: "space", char: " ", expected: true },
    { name: "tab", char: "\t", expected: true },
    { name: "line feed", char: "\n", expected: true },
    { name: "no-break space", char: "\u00a0", expected: true },
    { name: "narrow no-break space", char: "\u202f", expected: true },
    { name: "ideographic space", char: "\u3000", expected: true },
    { name: "next line (NEL)", char: "\u0085", expected: true },
    { name: "zero-width space", char: "\u200b", expected: true },
    { name: "Latin letter", char: "a", expected: false },
    { name: "Cyrillic letter", char: "ж", expected: false },
    { name: "Hebrew letter", char: "ש", expected: false },
    { name: "ZWJ (part of emoji)", char: "\u200d", expected: false },
  ])("$name → $expected", ({ char, expected }) => {
    expect(isWhitespaceAt(char, 0)).toBe(expected);
  });
});
