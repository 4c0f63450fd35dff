/**
 * The bulk importer's fast path writes new articles a batch to a statement: against a real
 * PostgreSQL, an article whose source URL was stored since is left out (for the full path) while
 * the rest of the batch is written whole, with paragraphs, search vectors, its project, its job
 * line and its place in the quote finder's and search indexer's queues; a batch that cannot be
 * written (a slug taken) writes nothing.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { contentHash, parsePlainText, type ParsedArticle } from "@/lib/importing";
import { DEFAULT_PROJECT_ID } from "@/lib/projects/default-project";
import type { Actor } from "@/lib/permissions";
import { testDatabase } from "@/lib/server/testing/test-database";
import { insertNewArticles, reserveSlugs, type NewArticle } from "./insert-new-article";

const database = testDatabase("glossa-insert-new-articles-test");
let admin: Actor;

beforeAll(async () => {
  admin = await database.newUser("Ada Min", "ADMIN");
});

async function article(n: number, sourceUrl: string, jobId: string): Promise<NewArticle> {
  const parsed: ParsedArticle = await parsePlainText(`Переговоры ${randomUUID()} номер ${n} продолжатся в Женеве.\n\nСтороны обсудили безопасность.`, { title: `Статья ${n}`, sourceUrl, language: "ru" });
  return { parsed, hash: contentHash(parsed), slug: `statya-${randomUUID()}`, item: { jobId, line: n } };
}

async function newJob(): Promise<string> {
  const id = randomUUID();
  await database.client.query(`INSERT INTO "ImportJob" (id, "createdById", "fileName", format, status, "updatedAt") VALUES ($1, $2, 'batch.jsonl', 'jsonl', 'RUNNING', now())`, [id, admin.id]);
  return id;
}

const rows = async (sql: string, values: unknown[]) => (await database.client.query(sql, values)).rows;

describe("insertNewArticles", () => {
  it("writes a batch whole and leaves out only the article whose source URL is stored since", async () => {
    const site = `https://batch.test/${randomUUID()}`;
    const jobId = await newJob();
    const batch = await Promise.all([1, 2, 3].map((n) => article(n, `${site}/${n}`, jobId)));
    // Another import stored line 2's address after the chunk was checked.
    await database.client.query(`INSERT INTO "Article" (id, slug, title, language, "sourceUrl", "contentHash", "updatedAt") VALUES ($1, $1, 'Earlier', 'ru', $2, 'x', now())`, [randomUUID(), `${site}/2`]);

    const { inserted, skipped } = await insertNewArticles(batch);
    expect(inserted.map((row) => row.index)).toEqual([0, 2]);
    expect(skipped).toEqual([1]);

    const ids = inserted.map((row) => row.id);
    expect(await rows(`SELECT "sourceUrl", title, revision FROM "Article" WHERE id = ANY($1) ORDER BY "sourceUrl"`, [ids])).toEqual([
      { sourceUrl: `${site}/1`, title: "Статья 1", revision: 1 },
      { sourceUrl: `${site}/3`, title: "Статья 3", revision: 1 },
    ]);
    // Every paragraph, in order, with its lemmas indexed.
    expect(await rows(`SELECT "articleId", position, length("searchVector") > 0 AS indexed FROM "Paragraph" WHERE "articleId" = ANY($1) ORDER BY "articleId", position`, [ids])).toEqual(
      [...ids].sort().flatMap((id) => [
        { articleId: id, position: 1, indexed: true },
        { articleId: id, position: 2, indexed: true },
      ]),
    );
    expect(await rows(`SELECT line, outcome FROM "ImportJobItem" WHERE "jobId" = $1 ORDER BY line`, [jobId])).toEqual([
      { line: 1, outcome: "created" },
      { line: 3, outcome: "created" },
    ]);
    expect(await rows(`SELECT count(*)::int AS n FROM "ArticleProject" WHERE "articleId" = ANY($1) AND "projectId" = $2`, [ids, DEFAULT_PROJECT_ID])).toEqual([{ n: 2 }]);
    expect(await rows(`SELECT count(*)::int AS n FROM "QuoteFinderQueue" WHERE "articleId" = ANY($1)`, [ids])).toEqual([{ n: 2 }]);
    expect(await rows(`SELECT count(*)::int AS n FROM "SearchIndexQueue" WHERE source = 'Article' AND "rowId" = ANY($1)`, [ids])).toEqual([{ n: 2 }]);
  });

  it("writes nothing of a batch when one article cannot be written (its slug was taken meanwhile)", async () => {
    const site = `https://batch.test/${randomUUID()}`;
    const jobId = await newJob();
    const batch = await Promise.all([1, 2, 3].map((n) => article(n, `${site}/${n}`, jobId)));
    await database.client.query(`INSERT INTO "Article" (id, slug, title, language, "contentHash", "updatedAt") VALUES ($1, $2, 'Taken', 'ru', 'y', now())`, [randomUUID(), batch[2]!.slug]);

    await expect(insertNewArticles(batch)).rejects.toMatchObject({ code: "23505" });
    expect(await rows(`SELECT count(*)::int AS n FROM "Article" WHERE "sourceUrl" LIKE $1`, [`${site}/%`])).toEqual([{ n: 0 }]);
    expect(await rows(`SELECT count(*)::int AS n FROM "ImportJobItem" WHERE "jobId" = $1`, [jobId])).toEqual([{ n: 0 }]);
  });
});

describe("reserveSlugs", () => {
  it("gives each article a free slug: its base, else the next free numbered or hashed one, never one taken or given earlier in the batch", async () => {
    const tag = randomUUID().slice(0, 8);
    const stored = [`taken-${tag}`, `taken-${tag}-2`, ...Array.from({ length: 10 }, (_, i) => `full-${tag}${i ? `-${i + 1}` : ""}`), `full-${tag}-aaaaaaaa`];
    for (const slug of stored) await database.client.query(`INSERT INTO "Article" (id, slug, title, language, "contentHash", "updatedAt") VALUES ($1, $2, 'Stored', 'ru', 'x', now())`, [randomUUID(), slug]);
    const hash = (c: string) => c.repeat(24);
    const slugs = await reserveSlugs([
      { base: `free-${tag}`, hash: hash("a") },
      { base: `taken-${tag}`, hash: hash("b") }, // base and -2 stored: -3
      { base: `twice-${tag}`, hash: hash("c") },
      { base: `twice-${tag}`, hash: hash("d") }, // free in the database, given to the line before: -2
      { base: `full-${tag}`, hash: hash("a") }, // base … -10 and the short hash stored: the longer hash
      { base: `full-${tag}`, hash: hash("e") }, // base … -10 stored: its short hash
    ]);
    expect(slugs).toEqual([`free-${tag}`, `taken-${tag}-3`, `twice-${tag}`, `twice-${tag}-2`, `full-${tag}-aaaaaaaaaaaaaaaa`, `full-${tag}-eeeeeeee`]);
  });
});
