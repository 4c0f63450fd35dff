import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findQuotes } from "./find-quotes";
import { speakerPhrase } from "./speaker-phrase";

/** The span of `words` (the last occurrence) in paragraph `paragraph`. */
function spanOf(paragraphs: string[], paragraph: number, words: string) {
  const start = paragraphs[paragraph]!.lastIndexOf(words);
  if (start < 0) throw new Error(`"${words}" is not in paragraph ${paragraph}`);
  return { paragraph, start, end: start + words.length };
}

describe("speakerPhrase: an organisation's head noun completed to the full name the article gives it", () => {
  it.each<[string, string[], [number, string], string]>([
    ["the press service, named in full a paragraph before", ["Об этом сообщила пресс-служба Кремля, комментируя письмо.", "«Разделяем озабоченность», — подчеркнули в пресс-службе."], [1, "пресс-службе"], "пресс-служба Кремля"],
    ["…in the same paragraph, before the quote", ["Пресс-служба Кремля ответила быстро: «Мы готовы», — сообщили в пресс-службе."], [0, "пресс-службе"], "Пресс-служба Кремля"],
    ["…the nearest of two full names", ["Пресс-служба Кремля молчала.", "Пресс-служба МИД России ответила.", "«Мы готовы», — сообщили в пресс-службе."], [2, "пресс-службе"], "Пресс-служба МИД России"],
    ["a capitalised adjective takes its noun", ["Вчера пресс-служба Белого дома выступила.", "«Нет», — сказали в пресс-службе."], [1, "пресс-службе"], "пресс-служба Белого дома"],
    ["a name is kept as written", ["Пресс-служба Кремля молчала.", "«Да», — подчеркнули в Кремле."], [1, "Кремле"], "Кремле"],
    ["a common noun after the head is not a name", ["Министерство обороны сообщило.", "«Нет», — сказали в министерстве."], [1, "министерстве"], "министерстве"],
    ["a full name only after the quote does not count", ["«Да», — сказали в пресс-службе.", "Пресс-служба Кремля позже уточнила."], [0, "пресс-службе"], "пресс-службе"],
    ["a comma ends the name", ["Пресс-служба, Кремль и МИД молчали.", "«Нет», — сказали в пресс-службе."], [1, "пресс-службе"], "пресс-службе"],
    ["several words are kept as written", ["Пресс-служба Кремля молчала.", "«Нет», — заявил министр иностранных дел."], [1, "министр иностранных дел"], "министр иностранных дел"],
    ["English: a lower-case title is kept", ["The Ministry of Defence said nothing.", '"No," the ministry said.'], [1, "the ministry"], "the ministry"],
  ])("%s", (_case, paragraphs, [paragraph, words], expected) => {
    expect(speakerPhrase(paragraphs, spanOf(paragraphs, paragraph, words))).toBe(expected);
  });

  it("names the sample story's speakers: the Kremlin's press service and the Kremlin", () => {
    const raw = readFileSync(path.resolve(import.meta.dirname, "../../prisma/seed/articles/kremlin-georgia-ru.txt"), "utf8");
    const paragraphs = raw.split(/\n\s*\n/).map((block) => block.trim()).filter(Boolean);
    const speakers = findQuotes(paragraphs, { language: "ru" }).map((candidate) => candidate.speaker && speakerPhrase(paragraphs, candidate.speaker));
    expect(speakers).toEqual(["пресс-служба Кремля", "Кремле", "пресс-служба Кремля", "Кремле"]);
  });
});
