/**
 * Find quotes against a real PostgreSQL (a throwaway embedded cluster), on the sample story:
 * its four quotations are suggested with their speakers and none of its quoted party names; a
 * rejection is remembered (with who and when); Accept makes the quote with the suggested speaker,
 * Change speaker with another; Accept all takes the rest at once; a Reader may do none of it.
 * Every decision is heard live (suggestion.decided) and in a reconnect's catch-up; in a project's
 * article the person's role in its layer decides, not their site role.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { Actor } from "@/lib/permissions";
import { readCatchUp } from "@/lib/server/live/catch-up";
import { addProjectMember } from "@/lib/server/projects/add-project-member";
import { createProject } from "@/lib/server/projects/create-project";
import { testLibrary } from "@/lib/server/testing/library";
import { createProjectSchema } from "@/lib/validations/project";
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

/** A copy of the sample story, in no project unless one is given. */
async function newSample(projectId?: string): Promise<string> {
  const id = randomUUID();
  await library.client.query(`INSERT INTO "Article" (id, slug, title, language, "contentHash", "updatedAt") VALUES ($1, $1, 'Sample', 'ru', 'hash', now())`, [id]);
  for (const [index, text] of PARAGRAPHS.entries()) {
    await library.client.query(`INSERT INTO "Paragraph" (id, "articleId", revision, position, text) VALUES ($1, $2, 1, $3, $4)`, [randomUUID(), id, index + 1, text]);
  }
  if (projectId) await library.client.query(`INSERT INTO "ArticleProject" ("articleId", "projectId") VALUES ($1, $2)`, [id, projectId]);
  return id;
}

/** The article's live events after `after`, as stored (type and payload). */
async function eventsAfter(id: string, after: bigint): Promise<{ id: string; type: string; payload: unknown }[]> {
  return (await library.client.query(`SELECT id::text AS id, type, payload FROM "ArticleEvent" WHERE "articleId" = $1 AND id > $2 ORDER BY id`, [id, after.toString()])).rows;
}

async function lastEventId(): Promise<bigint> {
  return BigInt((await library.client.query(`SELECT COALESCE(max(id), 0)::text AS id FROM "ArticleEvent"`)).rows[0].id);
}

beforeAll(async () => {
  ann = library.ann;
  reader = library.rita;
  types = library.types;
  articleId = await newSample();
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
    // Another desk's press service (as another test may make on a shared database): "в пресс-службе" is not it.
    await library.client.query(`INSERT INTO "Entity" (id, "typeId", name, aliases, "createdById", "updatedAt") VALUES ($1, $2, 'Пресс-служба Ёлкинского завода', '{}', $3, now())`, [randomUUID(), types.ORG, ann.id]);
    const suggestions = await findQuoteSuggestions({ actor: ann, articleId });
    expect(suggestions.map((suggestion) => suggestion.speaker)).toEqual([null, null, null, null]);
    expect(starts(suggestions)).toEqual(["Разделяем высказанную в ", "несмотря на все потуги р", "российско-грузинский диа", "Благодаря этому были дос"]);
    // "в пресс-службе" is the press service the story names in full ("пресс-служба Кремля") in its first paragraph.
    expect(suggestions.map((suggestion) => suggestion.speakerText)).toEqual(["пресс-служба Кремля", "Кремле", "пресс-служба Кремля", "Кремле"]);
    expect(suggestions.every((suggestion) => suggestion.confident)).toBe(true);
    for (const name of ["Альянс патриотов Грузии", "Грузинская мечта"]) expect(suggestions.some((suggestion) => suggestion.exact.includes(name))).toBe(false);
    // Asking again adds nothing.
    expect(await findQuoteSuggestions({ actor: ann, articleId })).toEqual(suggestions);
    expect(Number((await library.client.query(`SELECT count(*) FROM "Suggestion"`)).rows[0].count)).toBe(4);
  });

  it("remembers a rejection, with who and when, and tells the article's open readers, live and on reconnecting", async () => {
    const [, second] = await findQuoteSuggestions({ actor: ann, articleId });
    const before = await lastEventId();
    await rejectSuggestion({ actor: ann, suggestionId: second!.id });
    const heard = await eventsAfter(articleId, before);
    expect(heard.map(({ type, payload }) => ({ type, payload }))).toEqual([
      { type: "suggestion.decided", payload: { type: "suggestion.decided", suggestionId: second!.id, status: "REJECTED" } },
    ]);
    // A reader whose connection dropped before the rejection hears of it in the catch-up (anyone who reads the article).
    for (const actor of [reader, null]) {
      const catchUp = await readCatchUp({ articleId, after: before, upTo: BigInt(heard[0]!.id), viewer: { actor, policy: { requireSignIn: false } } });
      expect(catchUp).toEqual({ kind: "events", events: [{ id: heard[0]!.id, type: "suggestion.decided", suggestionId: second!.id, status: "REJECTED" }] });
    }
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
    // Nothing decided, nothing heard.
    expect((await library.client.query(`SELECT status FROM "Suggestion" WHERE id = $1`, [first!.id])).rows[0].status).toBe("OPEN");
  });

  it("accepts one with a changed speaker; Accept all takes the confident rest and leaves an unsure one to decide; each decision records who and when", async () => {
    const [first] = await findQuoteSuggestions({ actor: ann, articleId });
    const before = await lastEventId();
    const quote = await acceptSuggestion({ actor: ann, suggestionId: first!.id, input: { speakerName: "пресс-служба Кремля", speakerTypeId: types.ORG! } });
    // Heard live: the decision (the Suggestions regions drop it) and the quote it made.
    expect((await eventsAfter(articleId, before)).map((event) => event.type)).toEqual(["suggestion.decided", "annotation.upserted"]);
    expect(quote).toMatchObject({ kind: "QUOTE", exact: first!.exact, speaker: { name: "пресс-служба Кремля" }, author: { id: ann.id } });
    await expect(acceptSuggestion({ actor: ann, suggestionId: first!.id, input: {} })).rejects.toMatchObject({ status: 409 });

    // The press service's next suggestion names the entity just made (its whole name); "в Кремле" is
    // not the press service (a word of its name), and names the Kremlin once Ann knows it.
    expect((await findQuoteSuggestions({ actor: ann, articleId })).map((suggestion) => suggestion.speaker?.name)).toEqual(["пресс-служба Кремля", undefined]);
    await library.client.query(`INSERT INTO "Entity" (id, "typeId", name, aliases, "createdById", "updatedAt") VALUES ($1, $2, 'Кремль', '{}', $3, now())`, [randomUUID(), types.ORG, ann.id]);
    const rest = await findQuoteSuggestions({ actor: ann, articleId });
    expect(rest.map((suggestion) => suggestion.speaker?.name)).toEqual(["пресс-служба Кремля", "Кремль"]);
    // Accept all takes the confident ones only: an unsure one is left for a person to decide.
    await library.client.query(`UPDATE "Suggestion" SET score = 0.5 WHERE id = $1`, [rest[1]!.id]);
    const created = await acceptConfidentSuggestions({ actor: ann, articleId, input: {} });
    expect(created.map((annotation) => annotation.speaker?.name)).toEqual(["пресс-служба Кремля"]);
    expect(await findQuoteSuggestions({ actor: ann, articleId })).toMatchObject([{ id: rest[1]!.id, confident: false, speaker: { name: "Кремль" } }]);
    expect((await acceptSuggestion({ actor: ann, suggestionId: rest[1]!.id, input: {} })).speaker?.name).toBe("Кремль");
    expect(await findQuoteSuggestions({ actor: ann, articleId })).toEqual([]);
    const { rows } = await library.client.query(`SELECT status, count(*)::int AS n FROM "Suggestion" GROUP BY status ORDER BY status`);
    expect(rows).toEqual([{ status: "ACCEPTED", n: 3 }, { status: "REJECTED", n: 1 }]);
    // Each decision recorded with who and when, each accept with the quote it made.
    expect(Number((await library.client.query(`SELECT count(*) FROM "Suggestion" WHERE status = 'ACCEPTED' AND "annotationId" IS NOT NULL AND "decidedById" = $1 AND "decidedAt" IS NOT NULL`, [ann.id])).rows[0].count)).toBe(3);
  });
});

describe("Find quotes in a project's article: the person's role in its layer decides", () => {
  let desk: string;
  let deskArticle: string;
  let rosa: Actor; // a site Reader, the desk's Annotator
  let tom: Actor; // a site Annotator, only the desk's Reader
  let nina: Actor; // a site Annotator outside the (Closed) desk

  beforeAll(async () => {
    rosa = await library.newUser("Rosa", "READER");
    tom = await library.newUser("Tom");
    nina = await library.newUser("Nina");
    desk = (await createProject({ actor: library.ada, input: createProjectSchema.parse({ name: "Quotes desk", access: "CLOSED" }) })).id;
    await addProjectMember({ actor: library.ada, projectId: desk, input: { email: rosa.email, role: "ANNOTATOR" } });
    await addProjectMember({ actor: library.ada, projectId: desk, input: { email: tom.email, role: "READER" } });
    deskArticle = await newSample(desk);
  });

  it("a site Annotator who only reads the desk may not find, accept, reject or accept all; nor may an outsider, to whom the article does not exist", async () => {
    const [first] = await findQuoteSuggestions({ actor: rosa, articleId: deskArticle });
    const before = await lastEventId();
    await expect(findQuoteSuggestions({ actor: tom, articleId: deskArticle })).rejects.toMatchObject({ status: 403 });
    await expect(acceptSuggestion({ actor: tom, suggestionId: first!.id, input: {} })).rejects.toMatchObject({ status: 403 });
    await expect(rejectSuggestion({ actor: tom, suggestionId: first!.id })).rejects.toMatchObject({ status: 403 });
    await expect(acceptConfidentSuggestions({ actor: tom, articleId: deskArticle, input: {} })).rejects.toMatchObject({ status: 403 });
    await expect(findQuoteSuggestions({ actor: nina, articleId: deskArticle })).rejects.toMatchObject({ status: 404 });
    await expect(acceptSuggestion({ actor: nina, suggestionId: first!.id, input: {} })).rejects.toMatchObject({ status: 404 });
    await expect(rejectSuggestion({ actor: nina, suggestionId: first!.id })).rejects.toMatchObject({ status: 404 });
    // No partial data: every suggestion still open, no quote, nothing heard.
    const { rows } = await library.client.query(`SELECT count(*)::int AS n FROM "Suggestion" WHERE "articleId" = $1 AND status <> 'OPEN'`, [deskArticle]);
    expect(rows[0].n).toBe(0);
    expect((await library.client.query(`SELECT count(*)::int AS n FROM "Annotation" WHERE "articleId" = $1`, [deskArticle])).rows[0].n).toBe(0);
    expect(await eventsAfter(deskArticle, before)).toEqual([]);
  });

  it("a site Reader who is the desk's Annotator finds, accepts (the quote goes into the desk's layer), rejects and accepts all", async () => {
    const [first, second, ...rest] = await findQuoteSuggestions({ actor: rosa, articleId: deskArticle });
    expect(rest).toHaveLength(2);
    const quote = await acceptSuggestion({ actor: rosa, suggestionId: first!.id, input: { speakerName: "пресс-служба Кремля", speakerTypeId: types.ORG! } });
    expect(quote).toMatchObject({ kind: "QUOTE", projectId: desk, author: { id: rosa.id } });
    await rejectSuggestion({ actor: rosa, suggestionId: second!.id });
    expect(await acceptConfidentSuggestions({ actor: rosa, articleId: deskArticle, input: {} })).toHaveLength(2);
    const { rows } = await library.client.query(`SELECT status, "decidedById" FROM "Suggestion" WHERE "articleId" = $1 ORDER BY status`, [deskArticle]);
    expect(rows).toEqual([
      { status: "ACCEPTED", decidedById: rosa.id },
      { status: "ACCEPTED", decidedById: rosa.id },
      { status: "ACCEPTED", decidedById: rosa.id },
      { status: "REJECTED", decidedById: rosa.id },
    ]);
  });
});

describe("hostile input to Accept and Reject: a clear refusal, nothing decided or made", () => {
  let sampleId: string;
  let open: { id: string };

  beforeAll(async () => {
    sampleId = await newSample();
    const [first] = await findQuoteSuggestions({ actor: ann, articleId: sampleId });
    if (!first) throw new Error("The sample has no quote suggestion.");
    open = first;
  });

  /** Nothing changed: the suggestion open, no quote on the article, no entity named `name`. */
  async function expectUntouched(name?: string) {
    expect((await library.client.query(`SELECT status, "decidedById" FROM "Suggestion" WHERE id = $1`, [open.id])).rows[0]).toEqual({ status: "OPEN", decidedById: null });
    expect((await library.client.query(`SELECT count(*)::int AS n FROM "Annotation" WHERE "articleId" = $1`, [sampleId])).rows[0].n).toBe(0);
    if (name) expect((await library.client.query(`SELECT count(*)::int AS n FROM "Entity" WHERE name = $1`, [name])).rows[0].n).toBe(0);
  }

  it.each<[string, unknown, string]>([
    ["a speaker id of the wrong type", { speakerId: 42 }, "speakerId"],
    ["an empty speaker name", { speakerName: "   ", speakerTypeId: "x" }, "speakerName"],
    ["a huge speaker name", { speakerName: "Я".repeat(201), speakerTypeId: "x" }, "speakerName"],
    ["a speaker name PostgreSQL cannot store", { speakerName: "Пресс\u0000служба", speakerTypeId: "x" }, "speakerName"],
    ["an unknown visibility", { visibility: "PUBLIC" }, "visibility"],
    ["an unknown field", { annotationId: "someone-elses" }, ""],
    ["not an object", "accept", ""],
  ])("refuses %s (400)", async (_case, input, field) => {
    const error = await acceptSuggestion({ actor: ann, suggestionId: open.id, input }).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(z.ZodError);
    expect((error as z.ZodError).issues.map((issue) => issue.path.join("."))).toContain(field);
    await expectUntouched();
  });

  it("refuses a speaker that is missing, not a person or organisation, or unknown to the actor (422), and a suggestion that does not exist (404)", async () => {
    await expect(acceptSuggestion({ actor: ann, suggestionId: open.id, input: { speakerId: randomUUID() } })).rejects.toMatchObject({ status: 422 });
    await expect(acceptSuggestion({ actor: ann, suggestionId: open.id, input: { speakerName: "Тбилиси", speakerTypeId: types.LOC! } })).rejects.toMatchObject({ status: 422 });
    // Bob's private speaker: Ann cannot know of it, so it reads as missing.
    const hidden = randomUUID();
    await library.client.query(`INSERT INTO "Entity" (id, "typeId", name, aliases, "createdById", "updatedAt") VALUES ($1, $2, 'Тайный источник Боба', '{}', $3, now())`, [hidden, types.PER, library.bob.id]);
    await expect(acceptSuggestion({ actor: ann, suggestionId: open.id, input: { speakerId: hidden } })).rejects.toMatchObject({ status: 422 });
    await expect(acceptSuggestion({ actor: ann, suggestionId: randomUUID(), input: {} })).rejects.toMatchObject({ status: 404 });
    await expect(rejectSuggestion({ actor: ann, suggestionId: randomUUID() })).rejects.toMatchObject({ status: 404 });
    await expect(rejectSuggestion({ actor: null, suggestionId: open.id })).rejects.toMatchObject({ status: 401 });
    await expectUntouched("Тбилиси");
  });

  it("stores markup in a new speaker's name as plain text", async () => {
    const name = `<img src=x onerror="alert(1)">`;
    const quote = await acceptSuggestion({ actor: ann, suggestionId: open.id, input: { speakerName: name, speakerTypeId: types.PER! } });
    expect(quote.speaker?.name).toBe(name);
  });
});
