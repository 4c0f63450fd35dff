import { describe, expect, it } from "vitest";
import { canonicalName } from "@/lib/mentions";

describe("canonicalName", () => {
  it.each([
    ["Владимира Путина", "Владимир Путин"],
    ["Путину", "Путин"],
    ["Ирины  Соболевой", "Ирина Соболева"],
    ["Кремле", "Кремль"],
    ["Грузии", "Грузия"],
    ["Владимир Путин", "Владимир Путин"],
    // Indeclinable surnames stay as written, not made into a "nominative" that does not read back.
    ["Инашвили", "Инашвили"],
    // Phrases with lower-case words are not inflected word by word.
    ["пресс-службе Кремля", "пресс-службе Кремля"],
    ["Альянса патриотов Грузии", "Альянса патриотов Грузии"],
    ["ТАСС", "ТАСС"],
    ["Joe Biden", "Joe Biden"],
    ["  ", ""],
  ])("%s → %s", (mention, name) => {
    expect(canonicalName(mention, "ru")).toBe(name);
  });

  it("leaves Cyrillic words of other languages alone", () => {
    expect(canonicalName("Києва", "uk")).toBe("Києва");
  });
});
