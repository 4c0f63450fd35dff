/**
 * The highlight fast path against a real PostgreSQL (a throwaway embedded cluster): it
 * remembers paragraphs it has checked, so these make sure that an article archived, revised or
 * deleted afterwards still refuses the write, with the right message, and stores nothing.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/permissions";
import { testDatabase } from "@/lib/server/testing/test-database";
import { createAnnotation } from "./create-annotation";

const TEXT = "Москва заявила, что переговоры с Тбилиси продолжатся в Женеве.";

const database = testDatabase("glossa-create-annotation-test");
let actor: Actor;

beforeAll(async () => {
  actor = await database.newUser("Ann Otator");
});

const newArticle = () => database.newArticle(TEXT);

function highlight(paragraphId: string, phrase = "Тбилиси") {
  const start = TEXT.indexOf(phrase);
  const end = start + phrase.length;
  return { kind: "HIGHLIGHT", color: "yellow", paragraphId, start, end, exact: phrase, prefix: TEXT.slice(Math.max(0, start - 32), start), suffix: TEXT.slice(end, end + 32) };
}

async function stored(articleId: string): Promise<{ annotations: number; events: number }> {
  const { rows } = await database.client.query<{ annotations: number; events: number }>(
    `SELECT (SELECT count(*)::int FROM "Annotation" WHERE "articleId" = $1) AS annotations,
            (SELECT count(*)::int FROM "ArticleEvent" WHERE "articleId" = $1) AS events`,
    [articleId],
  );
  return rows[0]!;
}

describe("creating a highlight", () => {
  it("stores the highlight and its event, and again from the remembered paragraph", async () => {
    const { articleId, paragraphId } = await newArticle();
    const first = await createAnnotation({ actor, articleId, input: highlight(paragraphId) });
    const second = await createAnnotation({ actor, articleId, input: highlight(paragraphId, "Москва") });
    expect(first).toMatchObject({ kind: "HIGHLIGHT", paragraphId, exact: "Тбилиси", author: { id: actor.id } });
    expect(second.exact).toBe("Москва");
    expect(await stored(articleId)).toEqual({ annotations: 2, events: 2 });
  });

  it("refuses, writing nothing, once the article is archived after its paragraph was remembered", async () => {
    const { articleId, paragraphId } = await newArticle();
    await createAnnotation({ actor, articleId, input: highlight(paragraphId) });
    await database.client.query(`UPDATE "Article" SET "archivedAt" = now() WHERE id = $1`, [articleId]);
    await expect(createAnnotation({ actor, articleId, input: highlight(paragraphId) })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/archived/) });
    expect(await stored(articleId)).toEqual({ annotations: 1, events: 1 });
  });

  it("refuses a paragraph of an older revision once the article is revised", async () => {
    const { articleId, paragraphId } = await newArticle();
    await createAnnotation({ actor, articleId, input: highlight(paragraphId) });
    await database.client.query(`UPDATE "Article" SET revision = 2 WHERE id = $1`, [articleId]);
    await expect(createAnnotation({ actor, articleId, input: highlight(paragraphId) })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/just updated/),
    });
    expect(await stored(articleId)).toEqual({ annotations: 1, events: 1 });
  });

  it("answers 'not found' once the article is deleted", async () => {
    const { articleId, paragraphId } = await newArticle();
    await createAnnotation({ actor, articleId, input: highlight(paragraphId) });
    await database.client.query(`DELETE FROM "Article" WHERE id = $1`, [articleId]);
    await expect(createAnnotation({ actor, articleId, input: highlight(paragraphId) })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("never takes a remembered paragraph for another article's", async () => {
    const mine = await newArticle();
    const other = await newArticle();
    await createAnnotation({ actor, articleId: mine.articleId, input: highlight(mine.paragraphId) });
    await expect(createAnnotation({ actor, articleId: other.articleId, input: highlight(mine.paragraphId) })).rejects.toMatchObject({
      code: "UNPROCESSABLE",
      message: expect.stringMatching(/does not belong/),
    });
    expect(await stored(other.articleId)).toEqual({ annotations: 0, events: 0 });
  });

  it("checks the quote against the remembered text", async () => {
    const { articleId, paragraphId } = await newArticle();
    await createAnnotation({ actor, articleId, input: highlight(paragraphId) });
    await expect(createAnnotation({ actor, articleId, input: { ...highlight(paragraphId), exact: "Женеве!" } })).rejects.toMatchObject({ code: "UNPROCESSABLE" });
    expect(await stored(articleId)).toEqual({ annotations: 1, events: 1 });
  });
});
