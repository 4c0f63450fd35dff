import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEV } from "@/lib/quotes/cases/dev";
import { HELD_OUT as HELD_OUT_QUOTES } from "@/lib/quotes/cases/held-out";
import { DEV as REANCHOR_DEV, HELD_OUT as REANCHOR_HELD_OUT } from "@/scripts/bench/reanchor-texts";
import { scanWords, segmentWords, wordBoundaries } from "./words";

const segmenter = new Intl.Segmenter(undefined, { granularity: "word" });
const words = (text: string, found: readonly number[] | null) => (found ? Array.from({ length: found.length / 2 }, (_, i) => text.slice(found[2 * i]!, found[2 * i + 1]!)) : null);

/** Every character the scan handles (it answers for it alone), from the ranges it knows. */
const HANDLED = [
  ...Array.from({ length: 0x530 }, (_, code) => code),
  ...Array.from({ length: 0x70 }, (_, code) => 0x2000 + code),
  ...Array.from({ length: 0x21 }, (_, code) => 0x20a0 + code),
  0x2116,
  0x2212,
]
  .map((code) => String.fromCharCode(code))
  .filter((char) => scanWords(char) !== null);

/** One character of each Word_Break class the scan handles (two of Extend and Format, which it treats alike). */
const CONTEXT = ["a", "7", ".", "'", ":", ",", "\u0301", "\u00AD", " ", "\n", "!"];
const JOINING = ["a", "7", ".", ":", ",", "\u0301"];

/**
 * Compares the scan with the segmenter on many short texts at once, joined by a character that
 * always breaks, a few thousand characters per call (the segmenter's time grows with the square of
 * a text's length); narrows a difference to the first text that shows it.
 */
function expectSameAsSegmenter(texts: readonly string[]) {
  const batches: string[][] = [[]];
  let length = 0;
  for (const text of texts) {
    if (length + text.length > 2_000) {
      batches.push([]);
      length = 0;
    }
    batches.at(-1)!.push(text);
    length += text.length + 1;
  }
  for (const batch of batches) {
    const joined = batch.join("\u2029");
    const scanned = scanWords(joined);
    expect(scanned, "the scan handles every character of these texts").not.toBeNull();
    if (JSON.stringify(scanned) === JSON.stringify(segmentWords(joined, segmenter))) continue;
    const differs = batch.find((text) => JSON.stringify(scanWords(text)) !== JSON.stringify(segmentWords(text, segmenter)))!;
    expect(words(differs, scanWords(differs)), JSON.stringify(differs)).toEqual(words(differs, segmentWords(differs, segmenter)));
  }
}

describe("scanWords finds the words Intl.Segmenter finds", () => {
  it("handles Latin, Cyrillic, digits, combining marks and the usual punctuation", () => {
    expect(HANDLED.length).toBeGreaterThan(1200);
    for (const char of ["é", "Ё", "\u0301", "«", "—", "\u2019", "\u00A0", "№", "₽"]) expect(HANDLED).toContain(char);
  });

  it("every handled character alone and next to each class, before, between and after", () => {
    const texts: string[] = [];
    for (const char of HANDLED) {
      texts.push(char);
      for (const x of CONTEXT) for (const y of CONTEXT) texts.push(x + char + y);
      // The rules that look two characters ahead or back (WB6, WB7, WB11, WB12) join letters and digits across one mid character.
      for (const x of JOINING) for (const y of JOINING) texts.push(char + x + y, x + y + char);
    }
    expectSameAsSegmenter(texts);
  });

  it("random texts of the classes' characters, chained rules included (a.b.c, 1,000.5, a1.2, x\u00ADy)", () => {
    const alphabet = [...CONTEXT, "Z", "я", "é", "0", "\u2019", "\u00B7", ";", "\r", "«", "\u00A0", "-", "\u0483", "\u200C", "\u2060", "\u2024", "\u2044", "\u2027", "\t", "\u0085"];
    let seed = 20261202;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const texts = Array.from({ length: 40_000 }, () => Array.from({ length: 1 + Math.floor(random() * 10) }, () => alphabet[Math.floor(random() * alphabet.length)]!).join(""));
    expectSameAsSegmenter(texts);
  });

  it("real copy: the sample article and the quote finder's Russian and English cases", () => {
    const sample = readFileSync(path.resolve(import.meta.dirname, "../../prisma/seed/articles/kremlin-georgia-ru.txt"), "utf8").split(/\n\s*\n/);
    const paragraphs = [...sample, ...[...DEV, ...HELD_OUT_QUOTES].flatMap((article) => article.paragraphs)];
    expectSameAsSegmenter(paragraphs);
    expect(words(sample[0]!, scanWords(sample[0]!))!.slice(0, 4)).toEqual(["Власти", "России", "разделяют", "озабоченность"]);
  });
});

describe("wordBoundaries", () => {
  it("leaves other scripts and emoji to the segmenter, with the same result", () => {
    const texts = ["snake_case and __init__", "1\u202F000 рублей", "Xi said 习近平 😀👍🏽 here", "Ελλάδα και Κύπρος", "🇷🇺 Москва‍👨‍👩", "שלום \"ע\"ב\"", "東京タワー"];
    for (const text of texts) {
      expect(scanWords(text)).toBeNull();
      expect(wordBoundaries(text, segmenter)).toEqual(segmentWords(text, segmenter));
    }
  });

  it("texts with hard cases (emoji with skin tones and flags, stress marks) give the segmenter's words", () => {
    const paragraphs = [REANCHOR_DEV, REANCHOR_HELD_OUT].flatMap((set) => [...set.articles.flatMap((article) => article.paragraphs), ...Object.values(set.pools).flatMap((pool) => [...pool.fillers, ...pool.words, ...pool.templates])]);
    expect(paragraphs.length).toBeGreaterThan(20);
    for (const text of paragraphs) expect(wordBoundaries(text, segmenter), text).toEqual(segmentWords(text, segmenter));
  });

  it("follows a locale that tailors the rules (POSIX keeps U.S.A apart): the segmenter answers there", () => {
    const posix = new Intl.Segmenter("en-US-u-va-posix", { granularity: "word" });
    const text = "U.S.A. and a.b";
    expect(words(text, wordBoundaries(text, posix))).toEqual(words(text, segmentWords(text, posix)));
    expect(words(text, wordBoundaries(text, segmenter))).toEqual(["U.S.A", "and", "a.b"]);
  });

  it("an empty text has no words; a long one is scanned in linear time", () => {
    expect(wordBoundaries("", segmenter)).toEqual([]);
    // Half a million characters: the segmenter takes minutes on this (its time grows with the square of the length).
    const long = "Слово, word. ".repeat(40_000);
    const found = words(long, wordBoundaries(long, segmenter))!;
    expect(found).toHaveLength(80_000);
    expect(found.slice(-2)).toEqual(["Слово", "word"]);
  });
});
