import { describe, expect, it } from "vitest";

import { MATCH_THRESHOLD, matchQuote, type QuoteSelector } from "./match-quote";
import { describeRange } from "./selectors";
import { AR_SAMPLE, DE_SAMPLE, EMOJI_SAMPLE, FR_SAMPLE, HE_SAMPLE, PARTY, RU_SAMPLE, RU_SAMPLE_2 } from "./test-fixtures";

/** The quote selector for the `occurrence`-th (0-based) appearance of `needle` in `text`. */
function quoteOf(text: string, needle: string, occurrence = 0): QuoteSelector & { start: number } {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) {
    start = text.indexOf(needle, start + 1);
    if (start === -1) throw new Error(`"${needle}" #${occurrence} not in text`);
  }
  const { exact, prefix, suffix } = describeRange(text, start, start + needle.length);
  return { exact, prefix, suffix, start };
}

/** Where `needle` sits in `text` (its `occurrence`-th appearance), as matchQuote should report it. */
function at(text: string, needle: string, occurrence = 0): { start: number; end: number } {
  const { start } = quoteOf(text, needle, occurrence);
  return { start, end: start + needle.length };
}

const CATS = "Yesterday the cat slept on the sofa all day, but today the cat chased a mouse around the garden.";
const LONG = "The committee approved the budget for the new library after a long debate on Monday evening.";

describe("matchQuote", () => {
  it("exports its acceptance threshold", () => {
    expect(MATCH_THRESHOLD).toBeGreaterThan(0);
    expect(MATCH_THRESHOLD).toBeLessThan(1);
  });

  it.each([
    {
      name: "unchanged text, full context",
      text: LONG,
      quote: quoteOf(LONG, "approved the budget"),
      expected: at(LONG, "approved the budget"),
    },
    {
      name: "long exact quote without any context",
      text: LONG,
      quote: { exact: "the budget for the new library" },
      expected: at(LONG, "the budget for the new library"),
    },
    {
      name: "Cyrillic party name inside “…”",
      text: RU_SAMPLE,
      quote: quoteOf(RU_SAMPLE, PARTY),
      expected: at(RU_SAMPLE, PARTY),
    },
    {
      name: "Cyrillic with the quotation marks",
      text: RU_SAMPLE,
      quote: quoteOf(RU_SAMPLE, `“${PARTY}”`),
      expected: at(RU_SAMPLE, `“${PARTY}”`),
    },
    {
      name: "Cyrillic after a sentence was inserted before it",
      text: "Новое вступление. " + RU_SAMPLE,
      quote: quoteOf(RU_SAMPLE, PARTY),
      expected: at("Новое вступление. " + RU_SAMPLE, PARTY),
    },
    {
      name: "repeated quote: context picks the first",
      text: CATS,
      quote: quoteOf(CATS, "the cat", 0),
      expected: at(CATS, "the cat", 0),
    },
    {
      name: "repeated quote: context picks the second",
      text: CATS,
      quote: quoteOf(CATS, "the cat", 1),
      expected: at(CATS, "the cat", 1),
    },
    {
      name: "repeated quote with identical context: the hint decides",
      text: "ha ha ha ha ha ha ha ha ha ha ha ha ha ha ha ha ha ha ha ha ha ha ha ha ha ha ha ha",
      quote: { exact: "ha ha", prefix: "ha ha ha ", suffix: " ha ha ha" },
      hint: 30,
      expected: { start: 30, end: 35 },
    },
    {
      name: "typo fixed inside the quote",
      text: "Please make sure you receive the parcel before Friday evening.",
      quote: quoteOf("Please make sure you recieve the parcel before Friday evening.", "recieve the parcel"),
      expected: at("Please make sure you receive the parcel before Friday evening.", "receive the parcel"),
    },
    {
      name: "one-character typo fixed right before the quote",
      text: "The goverment spokesman said the talks would resume next week in Cairo.",
      quote: quoteOf("The govermnent spokesman said the talks would resume next week in Cairo.", "spokesman said"),
      expected: at("The goverment spokesman said the talks would resume next week in Cairo.", "spokesman said"),
    },
    {
      name: "word inserted right after the quote",
      text: "The committee approved the budget today for the new library after a long debate.",
      quote: quoteOf(LONG, "approved the budget"),
      expected: at("The committee approved the budget today for the new library after a long debate.", "approved the budget"),
    },
    {
      name: "Cyrillic case ending changed inside the quote",
      text: RU_SAMPLE_2,
      quote: { exact: PARTY, prefix: "В Кремле назвали обращение “", suffix: "” наглядным подтверждением того" },
      expected: { start: RU_SAMPLE_2.indexOf("Альянса"), end: RU_SAMPLE_2.indexOf("”") },
    },
    {
      name: "French « » quotes",
      text: FR_SAMPLE,
      quote: quoteOf(FR_SAMPLE, "« Nous ne céderons pas »"),
      expected: at(FR_SAMPLE, "« Nous ne céderons pas »"),
    },
    {
      name: "German „“ quotes with the tense changed inside",
      text: DE_SAMPLE.replace("prüfen", "prüften"),
      quote: quoteOf(DE_SAMPLE, "„Wir prüfen alle Optionen“"),
      expected: at(DE_SAMPLE.replace("prüfen", "prüften"), "„Wir prüften alle Optionen“"),
    },
    {
      name: "Arabic (RTL)",
      text: AR_SAMPLE,
      quote: quoteOf(AR_SAMPLE, "المفاوضات ستستمر"),
      expected: at(AR_SAMPLE, "المفاوضات ستستمر"),
    },
    {
      name: "Hebrew (RTL) with a letter changed",
      text: HE_SAMPLE.replace("יימשכו", "ימשכו"),
      quote: quoteOf(HE_SAMPLE, "השיחות יימשכו בשבוע הבא"),
      expected: at(HE_SAMPLE.replace("יימשכו", "ימשכו"), "השיחות ימשכו בשבוע הבא"),
    },
    {
      name: "emoji with skin tone",
      text: EMOJI_SAMPLE,
      quote: quoteOf(EMOJI_SAMPLE, "work 👍🏽 from"),
      expected: at(EMOJI_SAMPLE, "work 👍🏽 from"),
    },
    {
      name: "a flag as a short quote with context",
      text: EMOJI_SAMPLE,
      quote: quoteOf(EMOJI_SAMPLE, "🇺🇦"),
      expected: at(EMOJI_SAMPLE, "🇺🇦"),
    },
    {
      name: "combining mark inside the quote",
      text: EMOJI_SAMPLE,
      quote: quoteOf(EMOJI_SAMPLE, "cafe\u0301 owners"),
      expected: at(EMOJI_SAMPLE, "cafe\u0301 owners"),
    },
    {
      name: "fuzzy match widened to keep e + U+0301 together",
      text: "They met at the cafe\u0301 on the corner of the old square.",
      quote: quoteOf("They met at the cafe on the corner of the old square.", "the cafe"),
      expected: at("They met at the cafe\u0301 on the corner of the old square.", "the cafe\u0301"),
    },
    {
      name: "short quote with agreeing context",
      text: "Prices rose by 5% in May and by 7% in June.",
      quote: quoteOf("Prices rose by 5% in May and by 7% in June.", "7%"),
      expected: at("Prices rose by 5% in May and by 7% in June.", "7%"),
    },
    {
      name: "short quote at the end of the paragraph",
      text: "The winner was announced: it is Bob",
      quote: quoteOf("The winner was announced: it is Bob", "Bob"),
      expected: at("The winner was announced: it is Bob", "Bob"),
    },
  ])("finds $name", ({ text, quote, hint, expected }) => {
    const match = matchQuote(text, quote, hint);
    expect(match).not.toBeNull();
    expect({ start: match?.start, end: match?.end }).toEqual(expected);
    expect(match?.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(match?.score).toBeLessThanOrEqual(1);
  });

  it.each([
    { name: "empty quote", text: LONG, quote: { exact: "" } },
    { name: "empty text", text: "", quote: { exact: "budget" } },
    { name: "quote longer than the text", text: "short", quote: { exact: "a much longer quote than the text" } },
    {
      name: "quote whose words were rewritten",
      text: "The committee rejected every proposal for the new library after a long debate on Monday evening.",
      quote: quoteOf(LONG, "approved the budget"),
    },
    {
      name: "short quote without context",
      text: CATS,
      quote: { exact: "cat" },
    },
    {
      name: "short quote whose context changed",
      text: "The dog and the cat are friends.",
      quote: quoteOf("A cat sat on the warm windowsill.", "cat"),
    },
    {
      name: "short quote with a one-letter typo (short quotes must match exactly)",
      text: "Prices rose by 5% in May and by 8% in June.",
      quote: quoteOf("Prices rose by 5% in May and by 7% in June.", "7%"),
    },
    {
      name: "medium quote elsewhere with unrelated context",
      text: "Our cat was found sleeping in the garden shed last night, safe and sound.",
      quote: quoteOf("Nobody has seen the garden shed since the storm destroyed the fence.", "the garden shed"),
    },
    {
      name: "half of a cluster: 👍 inside 👍🏽",
      text: "Great work 👍🏽 team",
      quote: { exact: "👍", prefix: "Great work ", suffix: " team" },
    },
    {
      name: "half of a cluster: a letter without its combining mark",
      text: "cafe\u0301",
      quote: { exact: "cafe", prefix: "", suffix: "" },
    },
    {
      name: "a flag made of the halves of two neighbouring flags",
      text: "🇺🇦🇬🇪",
      quote: { exact: "🇦🇬", prefix: "", suffix: "" },
    },
    {
      name: "fuzzy quote without context",
      text: LONG,
      quote: { exact: "approved the bugdet" },
    },
  ])("returns null for $name", ({ text, quote }) => {
    expect(matchQuote(text, quote)).toBeNull();
  });

  it("gives an exact match with agreeing context the full score", () => {
    const quote = quoteOf(LONG, "approved the budget for the new");
    expect(matchQuote(LONG, quote, quote.start)?.score).toBe(1);
  });

  it("scores an edited match lower than an exact one", () => {
    const quote = quoteOf(LONG, "approved the budget");
    const exact = matchQuote(LONG, quote);
    const edited = matchQuote(LONG.replace("approved", "aproved"), quote);
    expect(edited).not.toBeNull();
    expect(edited!.score).toBeLessThan(exact!.score);
  });

  it("finds a quote near the end of a megabyte paragraph", () => {
    const text = "lorem ipsum dolor sit amet ".repeat(40_000) + "the needle in the haystack is here";
    const exact = matchQuote(text, { exact: "the needle in the haystack" });
    expect(exact).toEqual({ start: text.length - 34, end: text.length - 8, score: expect.any(Number) });
    const fuzzy = matchQuote(text, { exact: "the nedle in the haystack", prefix: "sit amet ", suffix: " is here" });
    expect(fuzzy).toEqual({ start: text.length - 34, end: text.length - 8, score: expect.any(Number) });
  });

  it("copes with a quote repeated thousands of times", () => {
    const text = "na ".repeat(20_000) + "batman";
    const match = matchQuote(text, { exact: "na na", prefix: "na na na ", suffix: " batman" });
    expect(match).toMatchObject({ start: text.length - 12, end: text.length - 7 });
  });
});
