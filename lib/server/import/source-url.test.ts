/**
 * One source URL names one article, whatever imports of it run at once: single imports (auto or
 * "new"), and the bulk worker's fast path racing with an import that has not committed yet.
 * Against a real PostgreSQL (a throwaway embedded cluster).
 */
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { parsePlainText } from "@/lib/importing";
import type { Actor } from "@/lib/permissions";
import { testDatabase } from "@/lib/server/testing/test-database";
import { importArticle } from "@/lib/server/articles/import-article";
import { updateArticle } from "@/lib/server/articles/update-article";
import { createImportJob } from "./create-import-job";
import { startImportJob } from "./start-import-job";
import { runImportJob } from "./run-import-job";

const database = testDatabase("glossa-source-url-test");
let admin: Actor;

beforeAll(async () => {
  admin = await database.newUser("Ada Min", "ADMIN");
});

const articlesFrom = async (sourceUrl: string) =>
  (await database.client.query<{ revision: number }>(`SELECT revision FROM "Article" WHERE "sourceUrl" = $1`, [sourceUrl])).rows;

/** A text of its own for each test (identical content would be “unchanged” instead). */
const story = (n: number) => `Сообщение ${randomUUID()} номер ${n}: переговоры продолжатся в Женеве.\n\nНовости дня`;

describe("concurrent imports of one source URL", () => {
  it("make one article and its revisions, in auto mode", async () => {
    const sourceUrl = `https://example.test/${randomUUID()}`;
    const results = await Promise.all(
      Array.from({ length: 6 }, async (_, n) => importArticle({ parsed: await parsePlainText(story(n), { sourceUrl }) })),
    );
    expect(results.filter((result) => result.status === "created")).toHaveLength(1);
    expect(await articlesFrom(sourceUrl)).toEqual([{ revision: 6 }]);
  });

  it("make one article when both chose “new” (the preview's default when the URL was unknown): the other gets 409", async () => {
    const sourceUrl = `https://example.test/${randomUUID()}`;
    const results = await Promise.allSettled(
      [1, 2].map(async (n) => importArticle({ parsed: await parsePlainText(story(n), { sourceUrl }), target: { mode: "new" } })),
    );
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(results.find((result) => result.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT", message: expect.stringMatching(/already exists/) } });
    expect(await articlesFrom(sourceUrl)).toHaveLength(1);
  });

  it("cannot give an article another one's URL, by replacing its text or by editing its details (409, nothing changed)", async () => {
    const taken = `https://example.test/${randomUUID()}`;
    const first = await importArticle({ parsed: await parsePlainText(story(1), { sourceUrl: taken }) });
    const second = await importArticle({ parsed: await parsePlainText(story(2), { sourceUrl: `https://example.test/${randomUUID()}` }) });

    const replacing = importArticle({ parsed: await parsePlainText(story(3), { sourceUrl: taken }), target: { mode: "replace", articleId: second.articleId } });
    await expect(replacing).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/already exists/) });
    const editing = updateArticle({ actor: admin, articleId: second.articleId, input: { title: "Новости дня", language: "ru", sourceUrl: taken } });
    await expect(editing).rejects.toMatchObject({ code: "CONFLICT" });

    expect(await articlesFrom(taken)).toEqual([{ revision: 1 }]);
    const kept = await database.client.query(`SELECT revision FROM "Article" WHERE id = $1`, [second.articleId]);
    expect(kept.rows).toEqual([{ revision: 1 }]);
    // An article keeps its own URL when its details are saved again.
    await expect(updateArticle({ actor: admin, articleId: first.articleId, input: { title: "Новости дня", language: "ru", sourceUrl: taken } })).resolves.toMatchObject({ sourceUrl: taken });
  });

  it("make one article when a bulk job's fast path meets an import of the URL that has not committed yet", async () => {
    const sourceUrl = `https://example.test/${randomUUID()}`;
    const line = JSON.stringify({ title: "Новости дня", text: "Переговоры продолжатся в Женеве на этой неделе.", sourceUrl });
    const job = await createImportJob({ actor: admin, fileName: "one.jsonl", contentLength: null, body: Readable.from([Buffer.from(line + "\n")]) });
    await startImportJob({ actor: admin, jobId: job.id });

    // Another import of the same URL, holding its lock in an open transaction, exactly as importArticle does.
    const other = new pg.Client({ connectionString: database.url });
    await other.connect();
    await other.query("BEGIN");
    await other.query(`SELECT pg_advisory_xact_lock(hashtextextended('url:' || $1, 0))`, [sourceUrl]);
    const articleId = randomUUID();
    await other.query(`INSERT INTO "Article" (id, slug, title, language, "sourceUrl", "contentHash", "updatedAt") VALUES ($1, $1, 'Новости', 'ru', $2, 'other', now())`, [articleId, sourceUrl]);
    await other.query(`INSERT INTO "Paragraph" (id, "articleId", revision, position, text) VALUES ($1, $2, 1, 1, 'Переговоры в Женеве.')`, [randomUUID(), articleId]);

    const running = runImportJob(job.id, { concurrency: 2 });
    const waiting = async () =>
      (await database.client.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event = 'advisory'`)).rows[0]!.n;
    for (let waited = 0; waited < 5_000 && (await waiting()) === 0; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    await other.query("COMMIT");
    await other.end();
    await running;

    expect(await articlesFrom(sourceUrl)).toEqual([{ revision: 2 }]);
    const { rows } = await database.client.query(`SELECT status, created, revised, failed FROM "ImportJob" WHERE id = $1`, [job.id]);
    expect(rows[0]).toEqual({ status: "DONE", created: 0, revised: 1, failed: 0 });
  });
});
