/**
 * Find every mention against a real PostgreSQL: after a tag, the article's other mentions of the
 * entity in any form are suggested (never what is tagged already); Accept tags them linked to the
 * same entity, through the create path; Reject is remembered with who and when; Accept all takes
 * the rest, all or none; the entity page finds mentions across articles; Readers may look, not decide.
 * New entities are named in the nominative, and their shared words (never private ones) become aliases.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { indexTerms, toTsvectorInput } from "@/lib/morphology";
import { createAnnotation } from "@/lib/server/annotations/create-annotation";
import { span, testLibrary } from "@/lib/server/testing/library";
import { acceptAllMentionSuggestions } from "./accept-all-mention-suggestions";
import { acceptMentionSuggestion } from "./accept-mention-suggestion";
import { findArticleMentionSuggestions } from "./find-article-mention-suggestions";
import { findEntityMentionSuggestions } from "./find-entity-mention-suggestions";
import { rejectMentionSuggestion } from "./reject-mention-suggestion";
import { acceptSuggestion } from "@/lib/server/quotes/accept-suggestion";

const library = testLibrary("glossa-mentions-test");

const TEXTS = [
  "Письмо адресовано президенту РФ Владимиру Путину лично.",
  "Партия просит Путина о содействии, а весенняя путина идёт своим чередом.",
  "Путинизм тут ни при чём; с Путиным встретятся в среду.",
  "«Альянс патриотов» попросил помощи у Путина",
];

async function article(texts: string[]): Promise<{ id: string; paragraphs: string[] }> {
  const id = randomUUID();
  await library.client.query(`INSERT INTO "Article" (id, slug, title, language, "contentHash", "updatedAt") VALUES ($1, $1, 'Mentions ' || $1, 'ru', 'hash', now())`, [id]);
  const paragraphs: string[] = [];
  for (const [index, text] of texts.entries()) {
    const paragraphId = randomUUID();
    paragraphs.push(paragraphId);
    await library.client.query(`INSERT INTO "Paragraph" (id, "articleId", revision, position, text) VALUES ($1, $2, 1, $3, $4)`, [paragraphId, id, index + 1, text]);
  }
  return { id, paragraphs };
}

let first: { id: string; paragraphs: string[] };
let entityId: string;

beforeAll(async () => {
  first = await article(TEXTS);
  const tag = await createAnnotation({ actor: library.ann, articleId: first.id, input: { kind: "ENTITY", entityTypeId: library.types.PER!, visibility: "SHARED", ...span(first.paragraphs[1]!, TEXTS[1]!, "Путина") } });
  entityId = (tag as { entity: { id: string } }).entity.id;
});

const entityRow = async (id: string) => (await library.client.query(`SELECT name, aliases FROM "Entity" WHERE id = $1`, [id])).rows[0] as { name: string; aliases: string[] };

describe("Canonical names", () => {
  it("names a new person in the nominative, keeping the shared words as an alias", async () => {
    expect(await entityRow(entityId)).toEqual({ name: "Путин", aliases: ["Путина"] });
  });

  it("links another form of the name to the same entity, collecting the form", async () => {
    const other = await article(["Встреча с Путиным.", "Слово Путину."]);
    const tag = await createAnnotation({ actor: library.bob, articleId: other.id, input: { kind: "ENTITY", entityTypeId: library.types.PER!, visibility: "SHARED", ...span(other.paragraphs[0]!, "Встреча с Путиным.", "Путиным") } });
    expect((tag as { entity: { id: string } }).entity.id).toBe(entityId);
    expect((await entityRow(entityId)).aliases).toEqual(["Путина", "Путиным"]);
    // A private tag links, but its words never become an alias.
    const secret = await createAnnotation({ actor: library.bob, articleId: other.id, input: { kind: "ENTITY", entityTypeId: library.types.PER!, visibility: "PRIVATE", ...span(other.paragraphs[1]!, "Слово Путину.", "Путину") } });
    expect((secret as { entity: { id: string } }).entity.id).toBe(entityId);
    expect((await entityRow(entityId)).aliases).toEqual(["Путина", "Путиным"]);
  });

  it("names a whole name in the nominative", async () => {
    const other = await article(["Заявление Ирины Соболевой."]);
    const tag = await createAnnotation({ actor: library.ann, articleId: other.id, input: { kind: "ENTITY", entityTypeId: library.types.PER!, visibility: "PRIVATE", ...span(other.paragraphs[0]!, "Заявление Ирины Соболевой.", "Ирины Соболевой") } });
    expect(await entityRow((tag as { entity: { id: string } }).entity.id)).toEqual({ name: "Ирина Соболева", aliases: [] });
  });
});

describe("Find every mention in the article", () => {
  it("suggests the other mentions in any form, never the tagged one, a homograph or a longer word", async () => {
    const suggestions = await findArticleMentionSuggestions({ actor: library.ann, articleId: first.id, input: { entityId } });
    expect(suggestions.map((suggestion) => [suggestion.paragraphPosition, suggestion.exact])).toEqual([
      [1, "Путину"],
      [3, "Путиным"],
      [4, "Путина"],
    ]);
    expect(suggestions.every((suggestion) => suggestion.entity.id === entityId)).toBe(true);
    // Asking again records nothing new.
    expect(await findArticleMentionSuggestions({ actor: library.ann, articleId: first.id, input: { entityId } })).toEqual(suggestions);
    const { rows } = await library.client.query(`SELECT count(*)::int AS n FROM "Suggestion" WHERE "articleId" = $1`, [first.id]);
    expect(rows[0].n).toBe(3);
  });

  it("refuses Readers, anonymous callers, bad input and others' ids", async () => {
    const [suggestion] = await findArticleMentionSuggestions({ actor: library.ann, articleId: first.id, input: { entityId } });
    await expect(findArticleMentionSuggestions({ actor: library.rita, articleId: first.id, input: { entityId } })).rejects.toMatchObject({ status: 403 });
    await expect(findArticleMentionSuggestions({ actor: null, articleId: first.id, input: { entityId } })).rejects.toMatchObject({ status: 401 });
    await expect(acceptMentionSuggestion({ actor: library.rita, articleId: first.id, suggestionId: suggestion!.id, input: {} })).rejects.toMatchObject({ status: 403 });
    await expect(rejectMentionSuggestion({ actor: library.rita, articleId: first.id, suggestionId: suggestion!.id })).rejects.toMatchObject({ status: 403 });
    await expect(acceptAllMentionSuggestions({ actor: library.rita, articleId: first.id, input: { entityId } })).rejects.toMatchObject({ status: 403 });
    for (const input of [{}, { entityId: "" }, { entityId: 7 }, { entityId, extra: 1 }, { entityId: "x".repeat(5000) }]) {
      // A ZodError: the route gate answers it 400 with the issues (lib/server/route/respond.ts).
      await expect(findArticleMentionSuggestions({ actor: library.ann, articleId: first.id, input })).rejects.toBeInstanceOf(ZodError);
    }
    await expect(findArticleMentionSuggestions({ actor: library.ann, articleId: first.id, input: { entityId: "<script>alert(1)</script>" } })).rejects.toMatchObject({ status: 404 });
    await expect(findArticleMentionSuggestions({ actor: library.ann, articleId: randomUUID(), input: { entityId } })).rejects.toMatchObject({ status: 404 });
    await expect(acceptMentionSuggestion({ actor: library.ann, articleId: randomUUID(), suggestionId: suggestion!.id, input: {} })).rejects.toMatchObject({ status: 404 });
    await expect(acceptMentionSuggestion({ actor: library.ann, articleId: first.id, suggestionId: suggestion!.id, input: { visibility: "PUBLIC" } })).rejects.toBeInstanceOf(ZodError);
    // The quote route does not accept a mention as a quote.
    await expect(acceptSuggestion({ actor: library.ann, suggestionId: suggestion!.id, input: {} })).rejects.toMatchObject({ status: 404 });
    const { rows } = await library.client.query(`SELECT count(*)::int AS n FROM "Annotation" WHERE "articleId" = $1`, [first.id]);
    expect(rows[0].n).toBe(1);
  });

  it("remembers a rejection with who and when; Accept tags the words linked to the same entity; Accept all the rest", async () => {
    const [one, two, three] = await findArticleMentionSuggestions({ actor: library.ann, articleId: first.id, input: { entityId } });
    await rejectMentionSuggestion({ actor: library.bob, articleId: first.id, suggestionId: two!.id });
    const { rows } = await library.client.query(`SELECT status, "decidedById", "decidedAt", source FROM "Suggestion" WHERE id = $1`, [two!.id]);
    expect(rows[0]).toMatchObject({ status: "REJECTED", decidedById: library.bob.id, decidedAt: expect.any(Date), source: `findEntityMentions@1#${entityId}` });
    await expect(rejectMentionSuggestion({ actor: library.ann, articleId: first.id, suggestionId: two!.id })).rejects.toMatchObject({ status: 409 });

    const tag = await acceptMentionSuggestion({ actor: library.ann, articleId: first.id, suggestionId: one!.id, input: {} });
    expect(tag).toMatchObject({ kind: "ENTITY", exact: "Путину", entity: { id: entityId }, author: { id: library.ann.id }, visibility: "SHARED" });
    await expect(acceptMentionSuggestion({ actor: library.ann, articleId: first.id, suggestionId: one!.id, input: {} })).rejects.toMatchObject({ status: 409 });
    const decided = await library.client.query(`SELECT status, "decidedById", "annotationId" FROM "Suggestion" WHERE id = $1`, [one!.id]);
    expect(decided.rows[0]).toEqual({ status: "ACCEPTED", decidedById: library.ann.id, annotationId: tag.id });

    expect((await findArticleMentionSuggestions({ actor: library.ann, articleId: first.id, input: { entityId } })).map((suggestion) => suggestion.id)).toEqual([three!.id]);
    const all = await acceptAllMentionSuggestions({ actor: library.ann, articleId: first.id, input: { entityId, visibility: "PRIVATE" } });
    expect(all.map((annotation) => [annotation.exact, annotation.visibility])).toEqual([["Путина", "PRIVATE"]]);
    expect(await findArticleMentionSuggestions({ actor: library.ann, articleId: first.id, input: { entityId } })).toEqual([]);
  });
});

describe("Find mentions on the entity page", () => {
  it("lists untagged mentions across readable articles by article; Readers see them and may not decide", async () => {
    const other = await article(["Путину доложили.", "Ничего о нём."]);
    const archived = await article(["Путину доложили ещё раз."]);
    await library.client.query(`UPDATE "Article" SET "archivedAt" = now() WHERE id = $1`, [archived.id]);
    const found = await findEntityMentionSuggestions({ actor: library.ann, entityId });
    const mine = found.articles.find((entry) => entry.id === other.id);
    expect(mine?.suggestions.map((suggestion) => suggestion.exact)).toEqual(["Путину"]);
    expect(found.articles.map((entry) => entry.id)).not.toContain(archived.id);
    expect(found.articles.map((entry) => entry.id)).not.toContain(first.id);
    expect(found.canDecide).toBe(true);

    const asReader = await findEntityMentionSuggestions({ actor: library.rita, entityId });
    expect(asReader.canDecide).toBe(false);
    expect(asReader.articles.find((entry) => entry.id === other.id)?.suggestions.map((suggestion) => suggestion.id)).toEqual(mine!.suggestions.map((suggestion) => suggestion.id));
    await expect(acceptMentionSuggestion({ actor: library.rita, articleId: other.id, suggestionId: mine!.suggestions[0]!.id, input: {} })).rejects.toMatchObject({ status: 403 });
    await expect(findEntityMentionSuggestions({ actor: null, entityId })).rejects.toMatchObject({ status: 401 });
    await expect(findEntityMentionSuggestions({ actor: library.ann, entityId: randomUUID() })).rejects.toMatchObject({ status: 404 });
  });

  it("reads only the articles the search index says may mention it (indexed paragraphs)", async () => {
    const indexed = await article(["Путину доложили снова.", "О другом."]);
    // The index of this one (deliberately stale) says it is about something else: it is not read.
    const skipped = await article(["Путину доложили опять."]);
    const index = async (articleId: string, vectorOf: (text: string) => string) => {
      const { rows } = await library.client.query<{ id: string; text: string }>(`SELECT id, text FROM "Paragraph" WHERE "articleId" = $1`, [articleId]);
      for (const row of rows) await library.client.query(`UPDATE "Paragraph" SET "searchVector" = $2::tsvector WHERE id = $1`, [row.id, toTsvectorInput(indexTerms(vectorOf(row.text), "ru"))]);
    };
    await index(indexed.id, (text) => text);
    await index(skipped.id, () => "Совсем о другом.");
    const found = await findEntityMentionSuggestions({ actor: library.ann, entityId });
    expect(found.articles.find((entry) => entry.id === indexed.id)?.suggestions.map((suggestion) => suggestion.exact)).toEqual(["Путину"]);
    expect(found.articles.map((entry) => entry.id)).not.toContain(skipped.id);
  });

  it("never looks for the words of another user's private tag", async () => {
    // Bob's private "Путину" tag (above) is no name for Ann to look for: only her readable ones are.
    const other = await article(["Президенту РФ доложили."]);
    const found = await findEntityMentionSuggestions({ actor: library.ann, entityId });
    expect(found.articles.some((entry) => entry.id === other.id)).toBe(false);
  });
});
