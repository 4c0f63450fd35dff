import { describe, expect, it } from "vitest";
import { tokenize, wordParts } from "./tokenize";

const texts = (text: string) => tokenize(text).map((token) => token.text);

describe("tokenize", () => {
  it.each([
    { name: "empty", text: "", words: [] },
    { name: "punctuation and spaces only", text: " … — «» !? ", words: [] },
    { name: "Cyrillic with ё and punctuation", text: "Ёлка, ещё «Грузия»!", words: ["Ёлка", "ещё", "Грузия"] },
    { name: "hyphenated words are one token", text: "российско-грузинский пресс-служба COVID-19", words: ["российско-грузинский", "пресс-служба", "COVID-19"] },
    { name: "a dash between words is not a hyphen", text: "Москва - Тбилиси — Баку -минус", words: ["Москва", "Тбилиси", "Баку", "минус"] },
    { name: "apostrophes inside words", text: "O'Brien don’t д’Артаньян 'quoted'", words: ["O'Brien", "don’t", "д’Артаньян", "quoted"] },
    { name: "combining marks stay in the word", text: "за\u0301мок е\u0308лка", words: ["за\u0301мок", "е\u0308лка"] },
    { name: "emoji split words and are not words", text: "кот😀пёс 👍🏽 🇬🇪", words: ["кот", "пёс"] },
    { name: "soft hyphens and zero-width joiners inside a word do not split it", text: "поли\u00ADтика и\u200Dнфляция кот\u200D😀 \u00ADпёс", words: ["поли\u00ADтика", "и\u200Dнфляция", "кот", "пёс"] },
    { name: "digits and mixed words", text: "2026 года G7 5G", words: ["2026", "года", "G7", "5G"] },
  ])("$name", ({ text, words }) => {
    expect(texts(text)).toEqual(words);
  });

  it("gives UTF-16 offsets that slice back to the word, after surrogate pairs", () => {
    const text = "😀 Соболева, 🇬🇪 пресс-служба";
    for (const token of tokenize(text)) expect(text.slice(token.start, token.end)).toBe(token.text);
    expect(tokenize(text)[0]).toEqual({ text: "Соболева", start: 3, end: 11 });
  });

  it("splits hyphenated words into parts with offsets into the text", () => {
    const text = "В пресс-службе";
    const [, token] = tokenize(text);
    expect(wordParts(token!)).toEqual([
      { text: "пресс", start: 2, end: 7 },
      { text: "службе", start: 8, end: 14 },
    ]);
    expect(wordParts(tokenize("кот")[0]!)).toEqual([{ text: "кот", start: 0, end: 3 }]);
  });

  it("is linear on huge input", () => {
    const text = "слово ".repeat(200_000) + "a".repeat(1_000_000);
    const started = performance.now();
    expect(tokenize(text)).toHaveLength(200_001);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
