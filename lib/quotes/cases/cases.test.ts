import { describe, expect, it } from "vitest";

import { findQuotes } from "../find-quotes";
import { DEV } from "./dev";
import { evaluate } from "./evaluate";
import { HELD_OUT } from "./held-out";
import { resolveArticle, type LabelledArticle } from "./labels";
import { sampleStory } from "./sample-story";

const finder = (paragraphs: string[], language: string) => findQuotes(paragraphs, { language });

describe("labelled quote sets", () => {
  it.each([
    ["dev", DEV],
    ["held-out", HELD_OUT],
  ] as const)("every %s label matches its text exactly once", (_name, articles) => {
    for (const article of articles) expect(() => resolveArticle(article)).not.toThrow();
  });

  it("the held-out set is big enough to report on: ≥ 40 paragraphs, ≥ 60 quotes, both languages", () => {
    const paragraphs = HELD_OUT.reduce((sum, a) => sum + a.paragraphs.length, 0);
    const quotes = HELD_OUT.reduce((sum, a) => sum + a.quotes.length, 0);
    expect(paragraphs).toBeGreaterThanOrEqual(40);
    expect(quotes).toBeGreaterThanOrEqual(60);
    expect(new Set(HELD_OUT.map((a) => a.language))).toEqual(new Set(["ru", "en"]));
  });

  it("dev and held-out articles are distinct", () => {
    const dev = new Set(DEV.flatMap((a) => a.paragraphs));
    expect(HELD_OUT.flatMap((a) => a.paragraphs).filter((p) => dev.has(p))).toEqual([]);
  });

  it("a label that is not in its paragraph, or is ambiguous, is refused", () => {
    const article: LabelledArticle = { id: "bad", language: "ru", paragraphs: ["«Да», — сказал он. «Да», — повторил он."], quotes: [{ paragraph: 0, text: "Да" }] };
    expect(() => resolveArticle(article)).toThrow(/more than once/);
    expect(() => resolveArticle({ ...article, quotes: [{ paragraph: 0, text: "Нет" }] })).toThrow(/not in paragraph/);
    expect(() => resolveArticle({ ...article, quotes: [{ paragraph: 3, text: "Да" }] })).toThrow(/no paragraph 3/);
  });
});

describe("evaluate", () => {
  it("gives a finder that finds nothing recall 0 and (vacuously) precision 1", () => {
    const silent = evaluate(DEV, () => []);
    expect(silent.recall).toBe(0);
    expect(silent.precision).toBe(1);
  });

  it("counts a quote whose edges differ only by punctuation as found, and a speaker naming the same person as right", () => {
    const paragraphs = ["Official spokeswoman Maria Zakharova spoke on Friday.", '"We have seen this before," Zakharova said.'];
    const article: LabelledArticle = { id: "edges", language: "en", paragraphs, quotes: [{ paragraph: 1, text: "We have seen this before", speaker: { text: "Maria Zakharova", paragraph: 0 } }] };
    const quoteStart = paragraphs[1]!.indexOf("We");
    const speakerStart = paragraphs[1]!.indexOf("Zakharova");
    const score = evaluate([article], () => [
      { paragraph: 1, start: quoteStart, end: paragraphs[1]!.indexOf('"', quoteStart), speaker: { paragraph: 1, start: speakerStart, end: speakerStart + "Zakharova".length } },
    ]);
    expect(score).toMatchObject({ truePositives: 1, speakerCorrect: 1, errors: [] });
  });

  it("counts a wrong speaker and an extra quote as errors", () => {
    const paragraphs = ['"We have seen this before," Zakharova said of the "Warsaw Pact".'];
    const article: LabelledArticle = { id: "wrong", language: "en", paragraphs, quotes: [{ paragraph: 0, text: "We have seen this before", speaker: { text: "Zakharova" } }] };
    const name = paragraphs[0]!.indexOf("Warsaw");
    const score = evaluate([article], () => [
      { paragraph: 0, start: 1, end: 25, speaker: { paragraph: 0, start: name, end: name + 6 } },
      { paragraph: 0, start: name, end: name + 11 },
    ]);
    expect(score).toMatchObject({ truePositives: 1, predicted: 2, speakerCorrect: 0, precision: 0.5, recall: 1 });
  });
});

describe("the finder on its dev set (a regression guard; the held-out numbers are the benchmark's)", () => {
  it("keeps precision, recall and speaker accuracy at or above 0.95 on dev and the sample story", () => {
    const score = evaluate([sampleStory(), ...DEV], finder);
    expect(score.errors).toEqual([]);
    expect(score.precision).toBeGreaterThanOrEqual(0.95);
    expect(score.recall).toBeGreaterThanOrEqual(0.95);
    expect(score.speakerAccuracy).toBeGreaterThanOrEqual(0.95);
  });
});
