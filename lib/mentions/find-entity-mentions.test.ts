import { describe, expect, it } from "vitest";
import { findEntityMentions, SURNAME_SCORE, type MentionTarget, type TaggedSpan } from "@/lib/mentions";

const PUTIN: MentionTarget = { name: "Владимир Путин", person: true };

/** The development table (the gold set in cases/gold.ts is held out for the benchmark). */
const CASES: { name: string; text: string | string[]; target: MentionTarget; language?: string; tagged?: TaggedSpan[]; want: string[] }[] = [
  { name: "whole name in another case", text: "Письмо адресовано Владимиру Путину лично.", target: PUTIN, want: ["Владимиру Путину"] },
  { name: "whole name wins over the surname inside it", text: "Президент РФ Владимира Путина не видел.", target: PUTIN, want: ["Владимира Путина"] },
  { name: "surname alone, every case", text: "Путин, Путина, Путину, Путиным, о Путине.", target: PUTIN, want: ["Путин", "Путина", "Путину", "Путиным", "Путине"] },
  { name: "first name alone is not a mention", text: "Владимир ответил.", target: PUTIN, want: [] },
  { name: "surname alone only for people", text: "Путина началась.", target: { name: "Владимир Путин" }, want: [] },
  { name: "a capitalised name never matches a lower-case homograph", text: "Весенняя путина и Путина.", target: PUTIN, want: ["Путина"] },
  { name: "never a word that starts alike", text: "Путинизм и путинский режим, Путинская эпоха.", target: PUTIN, want: [] },
  { name: "never part of a hyphenated word", text: "Служба и пресс-служба.", target: { name: "Служба" }, want: ["Служба"] },
  { name: "hyphenated names in any case", text: "В пресс-службе Кремля и пресс-служба Кремля.", target: { name: "пресс-служба Кремля" }, want: ["пресс-службе Кремля", "пресс-служба Кремля"] },
  { name: "aliases and their forms", text: "Письмо президенту РФ, ответ президента РФ.", target: { name: "Владимир Путин", aliases: ["президент РФ"], person: true }, want: ["президенту РФ", "президента РФ"] },
  { name: "ё and е are one letter", text: "Щекин и Щёкин.", target: { name: "Щёкин" }, want: ["Щекин", "Щёкин"] },
  { name: "feminine surnames", text: "Соболевой и Соболеву.", target: { name: "Ирина Соболева", person: true }, want: ["Соболевой", "Соболеву"] },
  { name: "English possessive and capitals", text: "Biden's plan; a biden.", target: { name: "Joe Biden", person: true }, language: "en", want: ["Biden's"] },
  { name: "tagged spans are skipped", text: "Путин и Путин.", target: PUTIN, tagged: [{ paragraph: 0, start: 0, end: 5 }], want: ["Путин"] },
  { name: "a tag overlapping a name hides it", text: "Владимира Путина.", target: PUTIN, tagged: [{ paragraph: 0, start: 10, end: 16 }], want: [] },
  { name: "emoji and combining marks keep offsets", text: "👍🏽 Пу\u0301тина видели.", target: PUTIN, want: ["Пу\u0301тина"] },
  { name: "empty text", text: "", target: PUTIN, want: [] },
  { name: "empty name", text: "Путин", target: { name: "  " }, want: [] },
  { name: "a name of punctuation only", text: "— и —", target: { name: "—" }, want: [] },
];

describe("findEntityMentions", () => {
  it.each(CASES)("$name", ({ text, target, language = "ru", tagged, want }) => {
    const paragraphs = Array.isArray(text) ? text : [text];
    const found = findEntityMentions(paragraphs, target, { language, tagged });
    expect(found.map((mention) => mention.exact)).toEqual(want);
    for (const mention of found) expect(paragraphs[mention.paragraph]!.slice(mention.start, mention.end)).toBe(mention.exact);
  });

  it("scores a whole name above a surname alone, and says which name matched", () => {
    const [whole, surname] = findEntityMentions(["Владимир Путин и Путин."], PUTIN, { language: "ru" });
    expect(whole).toMatchObject({ via: "Владимир Путин", score: 1 });
    expect(surname).toMatchObject({ via: "Путин", score: SURNAME_SCORE });
  });

  it("finds mentions across paragraphs in text order", () => {
    const found = findEntityMentions(["Путина нет.", "Нет.", "Видели Путина и Путину."], PUTIN, { language: "ru" });
    expect(found.map(({ paragraph, start }) => [paragraph, start])).toEqual([
      [0, 0],
      [2, 7],
      [2, 16],
    ]);
  });

  it("finds every mention in a huge paragraph", () => {
    const text = "Путину сказали. ".repeat(20_000);
    expect(findEntityMentions([text], PUTIN, { language: "ru" })).toHaveLength(20_000);
  });
});
