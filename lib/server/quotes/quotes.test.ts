/**
 * Quotes against a real PostgreSQL (a throwaway embedded cluster): a quote is written with its
 * speaker resolved (an existing person or organisation, or a new one named by the user), refused
 * without one or with a speaker who cannot speak, changed to another speaker, listed on the
 * speaker's entity page under Quotes and never among its mentions, and kept private.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/permissions";
import { createAnnotation } from "@/lib/server/annotations/create-annotation";
import { updateAnnotation } from "@/lib/server/annotations/update-annotation";
import { getEntity } from "@/lib/server/entities/get-entity";
import { searchEntities } from "@/lib/server/entities/search-entities";
import { testLibrary } from "@/lib/server/testing/library";

const TEXT = "«Разделяем высказанную озабоченность», — заявили в пресс-службе Кремля, а Тбилиси промолчал.";
const QUOTED = "Разделяем высказанную озабоченность";

const library = testLibrary("glossa-quotes-test");
let ann: Actor;
let bob: Actor;
let types: Record<string, string>;
let articleId: string;
let paragraphId: string;

beforeAll(async () => {
  // The quote pages name its author in full.
  ann = await library.newUser("Ann Otator");
  bob = library.bob;
  types = library.types;
  articleId = randomUUID();
  paragraphId = randomUUID();
  await library.client.query(`INSERT INTO "Article" (id, slug, title, language, "contentHash", "updatedAt") VALUES ($1, $1, 'Кремль и Грузия', 'ru', 'hash', now())`, [articleId]);
  await library.client.query(`INSERT INTO "Paragraph" (id, "articleId", revision, position, text) VALUES ($1, $2, 1, 1, $3)`, [paragraphId, articleId, TEXT]);
});

function quote(speaker: Record<string, string>, extra: Record<string, unknown> = {}) {
  const start = TEXT.indexOf(QUOTED);
  const end = start + QUOTED.length;
  return { kind: "QUOTE", paragraphId, start, end, exact: QUOTED, prefix: TEXT.slice(0, start), suffix: TEXT.slice(end, end + 32), ...speaker, ...extra };
}

const annotationCount = async () => Number((await library.client.query(`SELECT count(*) FROM "Annotation"`)).rows[0].count);

describe("quotes", () => {
  it("creates a new organisation as the speaker, and the same one when it is named again", async () => {
    const first = await createAnnotation({ actor: ann, articleId, input: quote({ speakerName: "пресс-служба  Кремля", speakerTypeId: types.ORG! }) });
    expect(first).toMatchObject({ kind: "QUOTE", exact: QUOTED, speaker: { name: "пресс-служба Кремля" }, entity: null, color: null });
    const second = await createAnnotation({ actor: ann, articleId, input: quote({ speakerName: "Пресс-служба Кремля", speakerTypeId: types.ORG! }) });
    expect(second.speaker).toEqual(first.speaker);
  });

  it("refuses a quote without a speaker, or with one who is not a person or an organisation, storing nothing", async () => {
    const before = await annotationCount();
    await expect(createAnnotation({ actor: ann, articleId, input: quote({}) })).rejects.toMatchObject({ status: 422, message: expect.stringMatching(/Choose who said it/) });
    await expect(createAnnotation({ actor: ann, articleId, input: quote({ speakerName: "Тбилиси", speakerTypeId: types.LOC! }) })).rejects.toMatchObject({ status: 422, message: "A speaker is a person or an organisation." });
    const place = (await library.client.query(`INSERT INTO "Entity" (id, "typeId", name, aliases, "createdById", "updatedAt") VALUES ($1, $2, 'Женева', '{}', $3, now()) RETURNING id`, [randomUUID(), types.LOC, ann.id])).rows[0].id as string;
    await expect(createAnnotation({ actor: ann, articleId, input: quote({ speakerId: place }) })).rejects.toMatchObject({ status: 422, message: "A speaker is a person or an organisation." });
    // Someone else's entity that Bob cannot know of reads as missing.
    await expect(createAnnotation({ actor: bob, articleId, input: quote({ speakerId: place }) })).rejects.toMatchObject({ status: 422, message: "That entity does not exist." });
    expect(await annotationCount()).toBe(before);
  });

  it("changes the speaker, and lists the quote under the speaker's Quotes, never among its mentions", async () => {
    const created = await createAnnotation({ actor: ann, articleId, input: quote({ speakerName: "Дмитрий Песков", speakerTypeId: types.PER! }) });
    const kremlin = await createAnnotation({ actor: ann, articleId, input: quote({ speakerName: "Кремль", speakerTypeId: types.ORG! }) });
    const changed = await updateAnnotation({ actor: ann, annotationId: created.id, input: { version: created.version, speakerId: kremlin.speaker!.id } });
    expect(changed.speaker).toEqual(kremlin.speaker);

    const page = await getEntity({ actor: bob, entityId: kremlin.speaker!.id });
    expect(page?.mentions).toEqual([]);
    expect(page?.quotes.map((q) => q.annotationId).sort()).toEqual([created.id, kremlin.id].sort());
    expect(page?.quotes[0]).toMatchObject({ exact: QUOTED, articleTitle: "Кремль и Грузия", articleSlug: articleId, authorName: "Ann Otator", date: expect.stringMatching(/^\d{4}-\d\d-\d\d/) });
    // Peskov no longer said it: his page (Ann made him) lists no quote.
    expect((await getEntity({ actor: ann, entityId: created.speaker!.id }))?.quotes).toEqual([]);
  });

  it("refuses speaker fields on a highlight", async () => {
    const start = TEXT.indexOf("Тбилиси");
    const highlight = await createAnnotation({ actor: ann, articleId, input: { kind: "HIGHLIGHT", paragraphId, start, end: start + 7, exact: "Тбилиси", prefix: "", suffix: "" } });
    await expect(updateAnnotation({ actor: ann, annotationId: highlight.id, input: { version: highlight.version, speakerName: "Кремль", speakerTypeId: types.ORG! } })).rejects.toMatchObject({
      status: 422,
      message: "A highlight has no speaker: mark the words as a quote instead.",
    });
  });

  it("offers a speaker known only from a shared quote in the type-ahead, as its page is readable", async () => {
    const quoted = await createAnnotation({ actor: ann, articleId, input: quote({ speakerName: "Минобороны Грузии", speakerTypeId: types.ORG! }) });
    const speakers = await searchEntities({ actor: bob, input: { typeId: types.ORG!, q: "Минобороны" } });
    expect(speakers.map((option) => option.id)).toEqual([quoted.speaker!.id]);
    expect(await searchEntities({ actor: null, input: { typeId: types.ORG!, q: "Минобороны" } })).toHaveLength(1);
  });

  it("keeps a private quote and its new speaker to its author", async () => {
    const secret = await createAnnotation({ actor: ann, articleId, input: quote({ speakerName: "Тайный источник", speakerTypeId: types.PER! }, { visibility: "PRIVATE" }) });
    expect(await searchEntities({ actor: bob, input: { typeId: types.PER!, q: "Тайный" } })).toEqual([]);
    expect(await getEntity({ actor: bob, entityId: secret.speaker!.id })).toBeNull();
    expect((await getEntity({ actor: ann, entityId: secret.speaker!.id }))?.quotes.map((q) => q.annotationId)).toEqual([secret.id]);
  });
});
