/**
 * Find quotes against a real PostgreSQL (a throwaway embedded cluster), on the sample story:
 * its four quotations are suggested with their speakers and none of its quoted party names; a
 * rejection is remembered (with who and when); Accept makes the quote with the suggested speaker,
 * Change speaker with another; Accept all takes the rest at once; a Reader may do none of it.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/permissions";
import { testLibrary } from "@/lib/server/testing/library";
import { findQuoteSuggestions } from "./find-quote-suggestions";
import { acceptSuggestion, newSpeaker } from "./accept-suggestion";
import { rejectSuggestion } from "./reject-suggestion";
import { acceptConfidentSuggestions } from "./accept-confident-suggestions";

const raw = readFileSync(path.resolve(import.meta.dirname, "../../../prisma/seed/articles/kremlin-georgia-ru.txt"), "utf8");
const PARAGRAPHS = raw.split(/\n\s*\n/).map((block) => block.trim()).filter(Boolean).slice(0, -1);

const library = testLibrary("glossa-suggestions-test");
let ann: Actor;
let reader: Actor;
let articleId: string;
let types: Record<string, string>;

beforeAll(async () => {
  ann = library.ann;
  reader = library.rita;
  types = library.types;
  articleId = randomUUID();
  await library.client.query(`INSERT INTO "Article" (id, slug, title, language, "contentHash", "updatedAt") VALUES ($1, $1, 'Sample', 'ru', 'hash', now())`, [articleId]);
  for (const [index, text] of PARAGRAPHS.entries()) {
    await library.client.query(`INSERT INTO "Paragraph" (id, "articleId", revision, position, text) VALUES ($1, $2, 1, $3, $4)`, [randomUUID(), articleId, index + 1, text]);
  }
});

const starts = (suggestions: { exact: string }[]) => suggestions.map((suggestion) => suggestion.exact.slice(0, 24));

describe("Find quotes", () => {
  it("names a new speaker from the words: normal form for one word, a person for capitalised names", () => {
    expect(newSpeaker("Кремле")).toEqual({ name: "Кремль", type: "ORG" });
    expect(newSpeaker("пресс-службе")).toEqual({ name: "пресс-служба", type: "ORG" });
    expect(newSpeaker("Ирина Соболева")).toEqual({ name: "Ирина Соболева", type: "PER" });
    expect(newSpeaker("пресс-служба Кремля")).toEqual({ name: "пресс-служба Кремля", type: "ORG" });
  });

  it("suggests the sample's four quotations with their speakers, and none of its quoted party names", async () => {
    const suggestions = await findQuoteSuggestions({ actor: ann, articleId });
    expect(starts(suggestions)).toEqual(["Разделяем высказанную в ", "несмотря на все потуги р", "российско-грузинский диа", "Благодаря этому были дос"]);
    expect(suggestions.map((suggestion) => suggestion.speakerText)).toEqual(["пресс-службе", "Кремле", "пресс-службе", "Кремле"]);
    expect(suggestions.every((suggestion) => suggestion.confident)).toBe(true);
    for (const name of ["Альянс патриотов Грузии", "Грузинская мечта"]) expect(suggestions.some((suggestion) => suggestion.exact.includes(name))).toBe(false);
    // Asking again adds nothing.
    expect(await findQuoteSuggestions({ actor: ann, articleId })).toEqual(suggestions);
    expect(Number((await library.client.query(`SELECT count(*) FROM "Suggestion"`)).rows[0].count)).toBe(4);
  });

  it("remembers a rejection, with who and when", async () => {
    const [, second] = await findQuoteSuggestions({ actor: ann, articleId });
    await rejectSuggestion({ actor: ann, suggestionId: second!.id });
    expect(starts(await findQuoteSuggestions({ actor: ann, articleId }))).not.toContain("несмотря на все потуги р");
    const { rows } = await library.client.query(`SELECT status, "decidedById", "decidedAt", source, score FROM "Suggestion" WHERE id = $1`, [second!.id]);
    expect(rows[0]).toMatchObject({ status: "REJECTED", decidedById: ann.id, decidedAt: expect.any(Date), source: "findQuotes@1" });
    await expect(rejectSuggestion({ actor: ann, suggestionId: second!.id })).rejects.toMatchObject({ status: 409 });
  });

  it("refuses a Reader every step", async () => {
    const [first] = await findQuoteSuggestions({ actor: ann, articleId });
    await expect(findQuoteSuggestions({ actor: reader, articleId })).rejects.toMatchObject({ status: 403 });
    await expect(acceptSuggestion({ actor: reader, suggestionId: first!.id, input: {} })).rejects.toMatchObject({ status: 403 });
    await expect(rejectSuggestion({ actor: reader, suggestionId: first!.id })).rejects.toMatchObject({ status: 403 });
    await expect(acceptConfidentSuggestions({ actor: reader, articleId, input: {} })).rejects.toMatchObject({ status: 403 });
  });

  it("accepts one with a changed speaker, then the rest with Accept all, linking the same words to one speaker", async () => {
    const [first] = await findQuoteSuggestions({ actor: ann, articleId });
    const quote = await acceptSuggestion({ actor: ann, suggestionId: first!.id, input: { speakerName: "пресс-служба Кремля", speakerTypeId: types.ORG! } });
    expect(quote).toMatchObject({ kind: "QUOTE", exact: first!.exact, speaker: { name: "пресс-служба Кремля" }, author: { id: ann.id } });
    await expect(acceptSuggestion({ actor: ann, suggestionId: first!.id, input: {} })).rejects.toMatchObject({ status: 409 });

    // The press service's next suggestion now names the entity just made; "в Кремле" is not the press
    // service (only a word of its name), and names the Kremlin once Ann knows it.
    expect((await findQuoteSuggestions({ actor: ann, articleId })).map((suggestion) => suggestion.speaker?.name)).toEqual(["пресс-служба Кремля", undefined]);
    await library.client.query(`INSERT INTO "Entity" (id, "typeId", name, aliases, "createdById", "updatedAt") VALUES ($1, $2, 'Кремль', '{}', $3, now())`, [randomUUID(), types.ORG, ann.id]);
    const rest = await findQuoteSuggestions({ actor: ann, articleId });
    expect(rest.map((suggestion) => suggestion.speaker?.name)).toEqual(["пресс-служба Кремля", "Кремль"]);
    const created = await acceptConfidentSuggestions({ actor: ann, articleId, input: {} });
    expect(created.map((annotation) => annotation.speaker?.name)).toEqual(["пресс-служба Кремля", "Кремль"]);
    expect(await findQuoteSuggestions({ actor: ann, articleId })).toEqual([]);
    const { rows } = await library.client.query(`SELECT status, count(*)::int AS n FROM "Suggestion" GROUP BY status ORDER BY status`);
    expect(rows).toEqual([{ status: "ACCEPTED", n: 3 }, { status: "REJECTED", n: 1 }]);
    expect(Number((await library.client.query(`SELECT count(*) FROM "Suggestion" WHERE status = 'ACCEPTED' AND "annotationId" IS NOT NULL`)).rows[0].count)).toBe(3);
  });
});
