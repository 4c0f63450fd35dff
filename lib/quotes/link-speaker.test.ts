import { describe, expect, it } from "vitest";

import { linkSpeaker, type SpeakerEntity } from "./link-speaker";

const ENTITIES: SpeakerEntity[] = [
  { id: "sobol", name: "Ирина Соболева" },
  { id: "peskov", name: "Дмитрий Песков", aliases: ["Песков"] },
  { id: "kremlin", name: "Кремль", kind: "organisation" },
  { id: "press", name: "пресс-служба Кремля", aliases: ["пресс-службе"], kind: "organisation" },
  { id: "mid", name: "Министерство иностранных дел России", aliases: ["МИД России", "МИД"], kind: "organisation" },
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
    ["the press service by its whole name, inflected", "в пресс-службе Кремля", "press"],
    ["…or by an alias (the words of a tag), inflected", "пресс-службы", "press"],
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

  // An organisation needs its whole name (or alias), lemmatised, in any case: a word of its name can
  // name something else ("Кремля" in "пресс-служба Кремля" is the Kremlin). Only the entities given are known.
  const kremlin: SpeakerEntity = { id: "kremlin", name: "Кремль", kind: "organisation" };
  const press: SpeakerEntity = { id: "press", name: "пресс-служба Кремля", kind: "organisation" };
  const pressOther: SpeakerEntity = { id: "press-x", name: "Пресс-служба Ёлкинского завода", kind: "organisation" };
  const mid: SpeakerEntity = { id: "mid", name: "Министерство иностранных дел России", kind: "organisation" };
  const duma: SpeakerEntity = { id: "duma", name: "Государственная дума", kind: "organisation" };
  const mod: SpeakerEntity = { id: "mod", name: "Ministry of Defence", kind: "organisation" };
  it.each([
    ["the Kremlin, named", "Кремль", [kremlin, press], "kremlin"],
    ["the Kremlin in the locative, after a preposition", "в Кремле", [kremlin, press], "kremlin"],
    ["the Kremlin in the genitive, capitalised differently", "КРЕМЛЯ", [kremlin], "kremlin"],
    ["the dependent of an organisation's name is not the organisation", "в Кремле", [press], undefined],
    ["…and vice versa: the press service is not the Kremlin", "пресс-служба Кремля", [kremlin], undefined],
    ["…inflected, beside both: the press service", "пресс-службе Кремля", [kremlin, press], "press"],
    ["the head alone is not a longer name: another firm's press service", "в пресс-службе", [pressOther], undefined],
    ["…nor the Kremlin's", "пресс-службе", [press], undefined],
    ["…while its whole name is, in another case and capitalisation", "пресс-службы ёлкинского завода", [pressOther], "press-x"],
    ["a country is not the ministry named after it", "России", [mid], undefined],
    ["the ministry's head noun alone is not it", "в министерстве", [mid], undefined],
    ["the whole name, inflected", "в Министерстве иностранных дел России", [mid], "mid"],
    ["an adjective and its noun, inflected", "в Государственной думе", [duma], "duma"],
    ["…the noun alone is not it", "в Думе", [duma], undefined],
    ["English: the whole name, any case", "the ministry of defence", [mod], "mod"],
    ["…not a word of it", "Defence", [mod], undefined],
    ["…nor its head", "the ministry", [mod], undefined],
    ["a person is named by any of their names", "Соболевой", [{ id: "sobol", name: "Ирина Соболева", kind: "person" }], "sobol"],
  ] satisfies [string, string, SpeakerEntity[], string | undefined][])("organisations: %s: %s", (_case, mention, entities: SpeakerEntity[], id) => {
    expect(linkSpeaker(mention, entities)?.id).toBe(id);
  });

  it("links nothing when there are no entities", () => {
    expect(linkSpeaker("Соболева", [])).toBeUndefined();
  });
});
