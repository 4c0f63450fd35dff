import { describe, expect, it } from "vitest";

import { CONTEXT_LENGTH, describeRange, trimRange, validateSelector } from "./selectors";
import { AR_SAMPLE, DE_SAMPLE, EMOJI_SAMPLE, FR_SAMPLE, HE_SAMPLE, PARTY, RU_SAMPLE } from "./test-fixtures";

/** Offsets of the first occurrence of `needle` in `text`. */
function rangeOf(text: string, needle: string): { start: number; end: number } {
  const start = text.indexOf(needle);
  if (start === -1) throw new Error(`"${needle}" not in text`);
  return { start, end: start + needle.length };
}

describe("describeRange", () => {
  const emojiEdge = "😀" + "x".repeat(31) + "QUOTE" + "y".repeat(31) + "😀";

  it.each([
    {
      name: "ASCII with short context",
      text: "The quick brown fox",
      ...rangeOf("The quick brown fox", "quick"),
      exact: "quick",
      prefix: "The ",
      suffix: " brown fox",
    },
    {
      name: "whole text",
      text: "abc",
      start: 0,
      end: 3,
      exact: "abc",
      prefix: "",
      suffix: "",
    },
    {
      name: "Cyrillic party name inside “…”",
      text: RU_SAMPLE,
      ...rangeOf(RU_SAMPLE, PARTY),
      exact: PARTY,
      prefix: "ое письмо оппозиционной партии “",
      suffix: "” в адрес президента РФ Владимир",
    },
    {
      name: "context is shortened rather than split through a surrogate pair",
      text: emojiEdge,
      ...rangeOf(emojiEdge, "QUOTE"),
      exact: "QUOTE",
      prefix: "x".repeat(31),
      suffix: "y".repeat(31),
    },
    {
      name: "emoji with skin tone as the selection",
      text: EMOJI_SAMPLE,
      ...rangeOf(EMOJI_SAMPLE, "👍🏽"),
      exact: "👍🏽",
      prefix: "Great work ",
      suffix: " from the 🇬🇪 and 🇺🇦 teams, c",
    },
    {
      name: "French « » quotes",
      text: FR_SAMPLE,
      ...rangeOf(FR_SAMPLE, "« Nous ne céderons pas »"),
      exact: "« Nous ne céderons pas »",
      prefix: "Le ministre a déclaré : ",
      suffix: ", avant de quitter la salle sous",
    },
    {
      name: "Hebrew (RTL) in logical order",
      text: HE_SAMPLE,
      ...rangeOf(HE_SAMPLE, "בירושלים"),
      exact: "בירושלים",
      prefix: " אמר כי השיחות יימשכו בשבוע הבא ",
      suffix: " למרות המחלוקות.",
    },
  ])("$name", ({ text, start, end, exact, prefix, suffix }) => {
    const selector = describeRange(text, start, end);
    expect(selector).toEqual({ start, end, exact, prefix, suffix });
    expect(selector.prefix.length).toBeLessThanOrEqual(CONTEXT_LENGTH);
    expect(selector.suffix.length).toBeLessThanOrEqual(CONTEXT_LENGTH);
    expect(validateSelector(text, selector)).toEqual({ ok: true });
  });

  it("stays cheap on a huge paragraph", () => {
    const huge = "lorem ipsum ".repeat(200_000);
    const selector = describeRange(huge, 1_200_000, 1_200_011);
    expect(selector.exact).toBe("lorem ipsum");
    expect(selector.prefix).toHaveLength(CONTEXT_LENGTH);
    expect(selector.suffix).toHaveLength(CONTEXT_LENGTH);
  });

  it.each([
    { name: "empty text", text: "", start: 0, end: 0 },
    { name: "empty range", text: "abc", start: 1, end: 1 },
    { name: "reversed range", text: "abc", start: 2, end: 1 },
    { name: "negative start", text: "abc", start: -1, end: 2 },
    { name: "end beyond text", text: "abc", start: 0, end: 4 },
    { name: "fractional offset", text: "abc", start: 0.5, end: 2 },
    { name: "NaN offset", text: "abc", start: Number.NaN, end: 2 },
    { name: "start inside a surrogate pair", text: "a😀b", start: 2, end: 4 },
    { name: "end inside a surrogate pair", text: "a😀b", start: 0, end: 2 },
  ])("throws RangeError for $name", ({ text, start, end }) => {
    expect(() => describeRange(text, start, end)).toThrow(RangeError);
  });
});

describe("trimRange", () => {
  it.each([
    { name: "already tight", text: "hello world", start: 0, end: 5, expected: { start: 0, end: 5 } },
    { name: "spaces on both sides", text: "  hello  ", start: 0, end: 9, expected: { start: 2, end: 7 } },
    { name: "tabs and newlines", text: "\t\nhello\n", start: 0, end: 8, expected: { start: 2, end: 7 } },
    { name: "no-break spaces", text: "5\u00a0000\u00a0km", start: 1, end: 6, expected: { start: 2, end: 5 } },
    { name: "narrow NBSP and ideographic space", text: "\u202f日本\u3000", start: 0, end: 4, expected: { start: 1, end: 3 } },
    { name: "only whitespace", text: "a \u00a0\t b", start: 1, end: 5, expected: null },
    { name: "empty selection", text: "abc", start: 1, end: 1, expected: null },
    { name: "empty selection inside an emoji", text: "a😀b", start: 2, end: 2, expected: null },
    { name: "empty text", text: "", start: 0, end: 0, expected: null },
    { name: "start inside a surrogate pair", text: "a😀b", start: 2, end: 4, expected: { start: 1, end: 4 } },
    { name: "end inside a surrogate pair", text: "a😀b", start: 0, end: 2, expected: { start: 0, end: 3 } },
    { name: "half of 👍🏽 becomes all of it", text: "ok 👍🏽 ok", start: 3, end: 5, expected: { start: 3, end: 7 } },
    { name: "one flag of two", text: "🇬🇪🇺🇦", start: 2, end: 6, expected: { start: 0, end: 8 } },
    { name: "ZWJ emoji", text: "a 👩\u200d💻 b", start: 2, end: 4, expected: { start: 2, end: 7 } },
    { name: "base letter without its combining mark", text: "cafe\u0301 noir", start: 0, end: 4, expected: { start: 0, end: 5 } },
    { name: "combining mark alone", text: "cafe\u0301", start: 4, end: 5, expected: { start: 3, end: 5 } },
    { name: "space carrying a combining mark is kept", text: "x \u0301y", start: 1, end: 4, expected: { start: 1, end: 4 } },
    { name: "Cyrillic in “…”: spaces go, quotes stay", text: RU_SAMPLE, ...rangeAround(RU_SAMPLE, `“${PARTY}”`), expected: rangeOf(RU_SAMPLE, `“${PARTY}”`) },
    { name: "Arabic (RTL)", text: AR_SAMPLE, ...rangeAround(AR_SAMPLE, "القاهرة"), expected: rangeOf(AR_SAMPLE, "القاهرة") },
    { name: "German „“ quotes are not whitespace", text: DE_SAMPLE, ...rangeOf(DE_SAMPLE, "„Wir prüfen alle Optionen“"), expected: rangeOf(DE_SAMPLE, "„Wir prüfen alle Optionen“") },
  ])("$name", ({ text, start, end, expected }) => {
    expect(trimRange(text, start, end)).toEqual(expected);
  });

  it.each([
    { name: "negative start", start: -1, end: 2 },
    { name: "end beyond text", start: 0, end: 9 },
    { name: "reversed", start: 2, end: 1 },
    { name: "fractional", start: 0, end: 1.5 },
  ])("throws RangeError for $name", ({ start, end }) => {
    expect(() => trimRange("abc", start, end)).toThrow(RangeError);
  });
});

/** The range of `needle` widened by the character on each side (the spaces around a word). */
function rangeAround(text: string, needle: string): { start: number; end: number } {
  const { start, end } = rangeOf(text, needle);
  return { start: start - 1, end: end + 1 };
}

describe("validateSelector", () => {
  const text = "The quick brown fox jumps over the lazy dog. 😀 And the cat.";
  const quick = describeRange(text, 4, 9);

  it.each([
    { name: "a selector from describeRange", sel: quick },
    { name: "without context", sel: { start: 4, end: 9, exact: "quick" } },
    { name: "with shorter context", sel: { ...quick, prefix: "he ", suffix: " br" } },
    { name: "with empty context", sel: { ...quick, prefix: "", suffix: "" } },
    { name: "the emoji itself", sel: describeRange(text, 45, 47) },
    { name: "Cyrillic sample", sel: describeRange(RU_SAMPLE, RU_SAMPLE.indexOf(PARTY), RU_SAMPLE.indexOf(PARTY) + PARTY.length) },
  ])("accepts $name", ({ sel }) => {
    const target = sel.exact === PARTY ? RU_SAMPLE : text;
    expect(validateSelector(target, sel)).toEqual({ ok: true });
  });

  it.each([
    {
      name: "end beyond the paragraph",
      sel: { start: 10, end: 900, exact: "x" },
      reason: `Selection end (900) is beyond the paragraph's length (${text.length}).`,
    },
    {
      name: "mismatching text",
      sel: { start: 10, end: 20, exact: "brown fax " },
      reason: "The selected text does not match the paragraph at offsets 10–20.",
    },
    { name: "negative start", sel: { start: -3, end: 5, exact: "" }, reason: "Selection start (-3) is negative." },
    {
      name: "empty selection",
      sel: { start: 5, end: 5, exact: "" },
      reason: "Selection is empty: start (5) must be less than end (5).",
    },
    {
      name: "fractional offset",
      sel: { start: 4.5, end: 9, exact: "quick" },
      reason: "Selection start (4.5) is not a whole number.",
    },
    {
      name: "half an emoji",
      sel: { start: 45, end: 46, exact: "\ud83d" },
      reason: "Selection end (46) falls inside a surrogate pair (it would cut a character such as an emoji in half).",
    },
    {
      name: "wrong prefix",
      sel: { ...quick, prefix: "A " },
      reason: "The prefix does not match the text before offset 4.",
    },
    {
      name: "prefix longer than the text before",
      sel: { ...quick, prefix: "xThe " },
      reason: "The prefix does not match the text before offset 4.",
    },
    {
      name: "wrong suffix",
      sel: { ...quick, suffix: " red" },
      reason: "The suffix does not match the text after offset 9.",
    },
    {
      name: "prefix over 32 code units",
      sel: { ...describeRange(text, 40, 44), prefix: "x".repeat(33) },
      reason: "The prefix is longer than 32 code units (33).",
    },
    {
      name: "suffix over 32 code units",
      sel: { ...quick, suffix: "y".repeat(40) },
      reason: "The suffix is longer than 32 code units (40).",
    },
  ])("rejects $name", ({ sel, reason }) => {
    expect(validateSelector(text, sel)).toEqual({ ok: false, reason });
  });
});
