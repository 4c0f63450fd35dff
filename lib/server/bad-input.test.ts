/**
 * Inputs that PostgreSQL cannot store (an impossible date, NUL, an unpaired surrogate, an integer
 * beyond int4) must be refused while parsing, so the route answers 400 with a message and
 * nothing is written, instead of failing inside the database with a 500.
 * Against a real PostgreSQL (a throwaway embedded cluster).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { Actor } from "@/lib/permissions";
import { testDatabase } from "@/lib/server/testing/test-database";
import { updateArticle } from "./articles/update-article";
import { createNote } from "./notes/create-note";
import { updateNote } from "./notes/update-note";
import { createAnnotation } from "./annotations/create-annotation";
import { commitSourceSchema } from "@/lib/validations/import";

const TEXT = "Москва заявила, что переговоры продолжатся.";

const database = testDatabase("glossa-bad-input-test");
let admin: Actor;

beforeAll(async () => {
  admin = await database.newUser("Ad Min", "ADMIN");
});

const newArticle = () => database.newArticle(TEXT);

const count = async (table: string, articleId: string) =>
  Number((await database.client.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}" WHERE "articleId" = $1`, [articleId])).rows[0]!.n);

/** What handleRoute answers 400 for: a ZodError naming the field. */
async function expectRefused(run: () => Promise<unknown>, field: string) {
  const error = await run().then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error, "the input was accepted").toBeInstanceOf(z.ZodError);
  expect((error as z.ZodError).issues.map((issue) => issue.path.join("."))).toContain(field);
}

describe("article details", () => {
  it.each(["2024-13-45", "2024-02-30", "2024-04-31T10:00", "2024-05-31T25:00", "2024-05-31T10:61:00Z"])("refuses publishedAt %j and keeps the article as it was", async (publishedAt) => {
    const { articleId } = await newArticle();
    await expectRefused(() => updateArticle({ actor: admin, articleId, input: { title: "New title", language: "ru", publishedAt } }), "publishedAt");
    const row = (await database.client.query(`SELECT title, "publishedAt" FROM "Article" WHERE id = $1`, [articleId])).rows[0];
    expect(row).toEqual({ title: "Test", publishedAt: null });
  });

  it("still stores a real date", async () => {
    const { articleId } = await newArticle();
    await updateArticle({ actor: admin, articleId, input: { title: "Dated", language: "ru", publishedAt: "2024-02-29" } });
    const row = (await database.client.query(`SELECT "publishedAt" FROM "Article" WHERE id = $1`, [articleId])).rows[0];
    expect((row.publishedAt as Date).toISOString()).toBe("2024-02-29T00:00:00.000Z");
  });

  it.each([["title", "Bad\u0000title"], ["author", "A\uD800uthor"], ["source", "\uDC00"]])("refuses %s with a character PostgreSQL cannot store", async (field, value) => {
    const { articleId } = await newArticle();
    await expectRefused(() => updateArticle({ actor: admin, articleId, input: { title: "T", language: "ru", [field]: value } }), field);
  });

  it("the import's metadata refuses an impossible date too", () => {
    const parsed = commitSourceSchema.safeParse({ kind: "paste", text: TEXT, publishedAt: "2024-13-45" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join("."))).toEqual(["publishedAt"]);
  });
});

describe("notes", () => {
  it.each([
    ["a NUL", "before\u0000after"],
    ["a lone high surrogate", "half an emoji \uD83D"],
    ["a lone low surrogate", "\uDE00 half an emoji"],
    ["a reversed pair", "\uDE00\uD83D"],
  ])("refuses a note with %s and writes nothing", async (_, body) => {
    const { articleId, paragraphId } = await newArticle();
    await expectRefused(() => createNote({ actor: admin, articleId, input: { paragraphId, body } }), "body");
    expect(await count("Note", articleId)).toBe(0);
  });

  it("keeps emoji, Cyrillic and combining marks", async () => {
    const { articleId, paragraphId } = await newArticle();
    const body = "Тбилиси 👩‍👩‍👧 e\u0301";
    const note = await createNote({ actor: admin, articleId, input: { paragraphId, body } });
    expect(note.body).toBe(body);
  });

  it("refuses an edit with a NUL, or a version beyond PostgreSQL's integer, and keeps the note", async () => {
    const { articleId, paragraphId } = await newArticle();
    const note = await createNote({ actor: admin, articleId, input: { paragraphId, body: "kept" } });
    await expectRefused(() => updateNote({ actor: admin, noteId: note.id, input: { version: 1, body: "x\u0000" } }), "body");
    await expectRefused(() => updateNote({ actor: admin, noteId: note.id, input: { version: 2 ** 31, body: "x" } }), "version");
    expect((await database.client.query(`SELECT body, version FROM "Note" WHERE id = $1`, [note.id])).rows[0]).toEqual({ body: "kept", version: 1 });
  });

  it("refuses an id with a NUL instead of sending it to the database", async () => {
    const { articleId } = await newArticle();
    await expectRefused(() => createNote({ actor: admin, articleId, input: { paragraphId: "p\u0000", body: "x" } }), "paragraphId");
  });
});

describe("annotations", () => {
  it("refuses positions beyond PostgreSQL's integer and writes nothing", async () => {
    const { articleId, paragraphId } = await newArticle();
    const input = { kind: "HIGHLIGHT", paragraphId, start: 2 ** 31, end: 2 ** 31 + 6, exact: "Москва" };
    await expectRefused(() => createAnnotation({ actor: admin, articleId, input }), "start");
    expect(await count("Annotation", articleId)).toBe(0);
  });

  it("refuses a quote with a NUL", async () => {
    const { articleId, paragraphId } = await newArticle();
    await expectRefused(() => createAnnotation({ actor: admin, articleId, input: { kind: "HIGHLIGHT", paragraphId, start: 0, end: 6, exact: "Москва", prefix: "\u0000" } }), "prefix");
  });
});
