import { describe, expect, it } from "vitest";

import { linkSpeaker } from "./link-speaker";

const ENTITIES = [
  { id: "sobol", name: "Ирина Соболева" },
  { id: "peskov", name: "Дмитрий Песков", aliases: ["Песков"] },
  { id: "kremlin", name: "Кремль" },
  { id: "press", name: "пресс-служба Кремля" },
  { id: "mid", name: "Министерство иностранных дел России", aliases: ["МИД России", "МИД"] },
  { id: "berg", name: "Anna Berg" },
  { id: "ivanov-s", name: "Сергей Иванов" },
  { id: "ivanov-a", name: "Алексей Иванов" },
];

describe("linkSpeaker", () => {
  it.each([
    ["a surname, as written", "Соболева", "sobol"],
    ["a surname in another case (Russian inflection)", "Соболевой", "sobol"],
    ["first name and surname, inflected", "Ирины Соболевой", "sobol"],
    ["title and name around the entity's name", "пресс-секретарь президента Дмитрий Песков", "peskov"],
    ["an inflected alias", "Пескова", "peskov"],
    ["the Kremlin in the locative", "Кремле", "kremlin"],
    ["the press service in the locative", "пресс-службе", "press"],
    ["an abbreviation alias", "МИД", "mid"],
    ["an English name", "Berg", "berg"],
    ["an English name with a title", "Chief Executive Anna Berg", "berg"],
  ])("%s: %s", (_case, mention, id) => {
    expect(linkSpeaker(mention, ENTITIES)?.id).toBe(id);
  });

  it.each([
    ["a surname two entities share", "Иванов"],
    ["nobody known", "Захарова"],
    ["a pronoun", "он"],
    ["empty words", ""],
  ])("links nothing for %s", (_case, mention) => {
    expect(linkSpeaker(mention, ENTITIES)).toBeUndefined();
  });

  it("links nothing when there are no entities", () => {
    expect(linkSpeaker("Соболева", [])).toBeUndefined();
  });
});
