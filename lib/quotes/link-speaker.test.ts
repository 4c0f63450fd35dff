import { describe, expect, it } from "vitest";

import { linkSpeaker, type SpeakerEntity } from "./link-speaker";

const ENTITIES: SpeakerEntity[] = [
  { id: "sobol", name: "Ирина Соболева" },
  { id: "peskov", name: "Дмитрий Песков", aliases: ["Песков"] },
  { id: "kremlin", name: "Кремль" },
  { id: "press", name: "пресс-служба Кремля", kind: "organisation" },
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

  // Only the organisations whose name the words could be part of are known here.
  it.each([
    ["the dependent of an organisation's name is not the organisation", "в Кремле", [{ id: "press", name: "пресс-служба Кремля", kind: "organisation" }], undefined],
    ["…nor a country in a ministry's name", "России", [{ id: "mid", name: "Министерство иностранных дел России", kind: "organisation" }], undefined],
    ["the head noun names it, inflected", "в министерстве", [{ id: "mid", name: "Министерство иностранных дел России", kind: "organisation" }], "mid"],
    ["a head after its adjective", "в Думе", [{ id: "duma", name: "Государственная дума", kind: "organisation" }], "duma"],
    ["the adjective alone is not the head", "Государственной", [{ id: "duma", name: "Государственная дума", kind: "organisation" }], undefined],
    ["a noun in -ние is a head, not an adjective", "в управлении", [{ id: "upd", name: "Управление делами президента", kind: "organisation" }], "upd"],
    ["English: the word before 'of' is the head", "the ministry", [{ id: "mod", name: "Ministry of Defence", kind: "organisation" }], "mod"],
    ["…and what follows 'of' is not", "Defence", [{ id: "mod", name: "Ministry of Defence", kind: "organisation" }], undefined],
    ["English: else the last word", "the trust", [{ id: "trust", name: "Harbour Trust", kind: "organisation" }], "trust"],
    ["a person is named by any of their names", "Соболевой", [{ id: "sobol", name: "Ирина Соболева", kind: "person" }], "sobol"],
  ] satisfies [string, string, SpeakerEntity[], string | undefined][])("%s: %s", (_case, mention, entities: SpeakerEntity[], id) => {
    expect(linkSpeaker(mention, entities)?.id).toBe(id);
  });

  it("links nothing when there are no entities", () => {
    expect(linkSpeaker("Соболева", [])).toBeUndefined();
  });
});
