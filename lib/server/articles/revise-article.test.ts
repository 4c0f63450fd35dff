/**
 * A re-import racing with readers' writes, against a real PostgreSQL (a throwaway embedded
 * cluster): a revision is held open (its transaction not committed) while highlights and notes
 * are written from other connections; once it commits, every piece of work must be on the
 * current revision or listed under Needs review — never left on the old text, unlisted.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { contentHash, parsePlainText } from "@/lib/importing";
import type { Actor } from "@/lib/permissions";
import { testDatabase } from "@/lib/server/testing/test-database";
import { db } from "@/lib/db";
import { createAnnotation } from "@/lib/server/annotations/create-annotation";
import { createNote } from "@/lib/server/notes/create-note";
import { importArticle } from "./import-article";
import { reviseArticle } from "./revise-article";

const FIRST = "Москва заявила, что переговоры с Тбилиси продолжатся в Женеве на следующей неделе.";
const SECOND = "Представитель МИД Грузии подтвердил, что делегация прибудет в понедельник.";
const TITLE = "Переговоры в Женеве";

const database = testDatabase("glossa-revise-article-test");
let actor: Actor;

beforeAll(async () => {
  actor = await database.newUser("Ann Otator");
});

async function newArticle(): Promise<{ articleId: string; paragraphs: string[] }> {
  const parsed = await parsePlainText(`${FIRST}\n\n${SECOND}\n\n${TITLE}`, { sourceUrl: `https://example.test/${randomUUID()}` });
  const result = await importArticle({ parsed, target: { mode: "new" } });
  const { rows } = await database.client.query<{ id: string }>(`SELECT id FROM "Paragraph" WHERE "articleId" = $1 ORDER BY position`, [result.articleId]);
  return { articleId: result.articleId, paragraphs: rows.map((row) => row.id) };
}

function highlight(paragraphId: string, text: string, phrase: string, note?: string) {
  const start = text.indexOf(phrase);
  const end = start + phrase.length;
  return { kind: "HIGHLIGHT", color: "yellow", paragraphId, start, end, exact: phrase, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32), ...(note ? { note } : {}) };
}

/** Live work of the article that is on an older revision and not listed under Needs review: lost work. */
async function lostWork(articleId: string): Promise<{ annotations: number; notes: number }> {
  const { rows } = await database.client.query<{ annotations: number; notes: number }>(
    `SELECT
       (SELECT count(*)::int FROM "Annotation" AS "an" JOIN "Paragraph" AS "p" ON "p".id = "an"."paragraphId" JOIN "Article" AS "a" ON "a".id = "an"."articleId"
        WHERE "an"."articleId" = $1 AND "an"."deletedAt" IS NULL AND "p".revision <> "a".revision AND "an"."anchorStatus" <> 'ORPHANED') AS annotations,
       (SELECT count(*)::int FROM "Note" AS "n" JOIN "Paragraph" AS "p" ON "p".id = "n"."paragraphId" JOIN "Article" AS "a" ON "a".id = "n"."articleId"
        LEFT JOIN "Annotation" AS "an" ON "an".id = "n"."annotationId"
        WHERE "n"."articleId" = $1 AND "n"."deletedAt" IS NULL AND "p".revision <> "a".revision AND "an"."anchorStatus" IS DISTINCT FROM 'ORPHANED') AS notes`,
    [articleId],
  );
  return rows[0]!;
}

/** How many backends of this database wait for a lock. */
async function waitingForLocks(): Promise<number> {
  const { rows } = await database.client.query<{ waiting: number }>(
    `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
  );
  return rows[0]!.waiting;
}

describe("a write while a re-import of the same article is running", () => {
  it("waits for the revision, then is refused with 409 instead of landing on the old text", async () => {
    const { articleId, paragraphs } = await newArticle();
    const [first, second] = paragraphs as [string, string];
    // A first highlight, so the fast path remembers the paragraph and goes straight to its insert.
    await createAnnotation({ actor, articleId, input: highlight(first, FIRST, "Москва") });

    const revised = await parsePlainText(`${FIRST.replace("следующей неделе", "этой неделе")}\n\n${SECOND.replace("в понедельник", "во вторник")}\n\n${TITLE}`);
    let opened!: () => void;
    let commit!: () => void;
    const revisionOpen = new Promise<void>((resolve) => (opened = resolve));
    const released = new Promise<void>((resolve) => (commit = resolve));
    const revision = db().$transaction(
      async (tx) => {
        await reviseArticle(tx, { articleId, parsed: revised, hash: contentHash(revised) });
        opened();
        await released;
      },
      { timeout: 60_000 },
    );
    await revisionOpen;

    const writes = Promise.allSettled([
      createAnnotation({ actor, articleId, input: highlight(first, FIRST, "Тбилиси") }),
      createAnnotation({ actor, articleId, input: highlight(first, FIRST, "Женеве", "Где именно?") }),
      createNote({ actor, articleId, input: { paragraphId: second, body: "Проверить дату." } }),
    ]);
    // The three writes now wait for the revision's lock (without the lock they would already be stored).
    for (let waited = 0; waited < 10_000 && (await waitingForLocks()) < 3; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    commit();
    await revision;

    const results = await writes;
    for (const result of results) {
      expect(result).toMatchObject({ status: "rejected", reason: { code: "CONFLICT", status: 409, message: expect.stringMatching(/just updated/) } });
    }
    expect(await lostWork(articleId)).toEqual({ annotations: 0, notes: 0 });
    // The highlight made before the revision moved onto the new text with it.
    const { rows } = await database.client.query<{ current: boolean }>(
      `SELECT "p".revision = "a".revision AS current FROM "Annotation" AS "an" JOIN "Paragraph" AS "p" ON "p".id = "an"."paragraphId" JOIN "Article" AS "a" ON "a".id = "an"."articleId" WHERE "an"."articleId" = $1`,
      [articleId],
    );
    expect(rows).toEqual([{ current: true }]);
  });

  it("made just before the revision locks the article, is re-anchored by it", async () => {
    const { articleId, paragraphs } = await newArticle();
    const [first, second] = paragraphs as [string, string];
    await createAnnotation({ actor, articleId, input: highlight(first, FIRST, "Тбилиси", "Столица Грузии") });
    await createNote({ actor, articleId, input: { paragraphId: second, body: "Проверить дату." } });
    const revised = await parsePlainText(`Вступление.\n\n${FIRST}\n\n${SECOND}\n\n${TITLE}`);
    const report = await db().$transaction((tx) => reviseArticle(tx, { articleId, parsed: revised, hash: contentHash(revised) }));
    expect(report.annotations).toMatchObject({ kept: 1, orphaned: 0 });
    expect(report.notes.kept).toBe(2);
    expect(await lostWork(articleId)).toEqual({ annotations: 0, notes: 0 });
  });
});
