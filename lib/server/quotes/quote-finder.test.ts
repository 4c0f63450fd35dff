/**
 * Import runs the quote finder (issue 11, item 4), against a real PostgreSQL: a single import or
 * re-import records its quote suggestions in the same transaction; a bulk job's articles are
 * queued and read by the background finder; a rejection is remembered across revisions.
 */
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { parsePlainText } from "@/lib/importing";
import type { Actor } from "@/lib/permissions";
import { importArticle } from "@/lib/server/articles/import-article";
import { createImportJob } from "@/lib/server/import/create-import-job";
import { runImportJob } from "@/lib/server/import/run-import-job";
import { startImportJob } from "@/lib/server/import/start-import-job";
import { testLibrary } from "@/lib/server/testing/library";
import { drainQuoteFinderQueue } from "./quote-finder-queue";
import { rejectSuggestion } from "./reject-suggestion";

const library = testLibrary("glossa-quote-finder-test");
let ann: Actor;
let admin: Actor;

beforeAll(() => {
  ann = library.ann;
  admin = library.ada;
});

/** A story of its own (identical content would be "unchanged"), with one quotation and its speaker. */
function story(quoted: string) {
  return `Переговоры ${randomUUID()} продолжатся.\n\n«${quoted}», — заявил министр иностранных дел.\n\nНовости дня`;
}

const suggested = async (articleId: string) =>
  (await library.client.query<{ exact: string; status: string }>(`SELECT exact, status FROM "Suggestion" WHERE "articleId" = $1 ORDER BY exact`, [articleId])).rows;
const queued = async (articleId: string) => (await library.client.query(`SELECT 1 FROM "QuoteFinderQueue" WHERE "articleId" = $1`, [articleId])).rowCount;

describe("import runs the quote finder", () => {
  it("records a new article's quotations as it is imported, and a revision's new ones", async () => {
    const sourceUrl = `https://example.test/${randomUUID()}`;
    const first = await importArticle({ parsed: await parsePlainText(story("Мы готовы к диалогу"), { sourceUrl }) });
    expect(await suggested(first.articleId)).toEqual([{ exact: "Мы готовы к диалогу", status: "OPEN" }]);
    expect(await queued(first.articleId)).toBe(0);

    const revised = await importArticle({ parsed: await parsePlainText(story("Мы готовы к переговорам"), { sourceUrl }) });
    expect(revised.status).toBe("revised");
    expect((await suggested(first.articleId)).map((row) => row.exact)).toContain("Мы готовы к переговорам");
  });

  it("never suggests rejected words again, even in a new revision of the article", async () => {
    const sourceUrl = `https://example.test/${randomUUID()}`;
    const { articleId } = await importArticle({ parsed: await parsePlainText(story("Это неприемлемо"), { sourceUrl }) });
    const { rows } = await library.client.query<{ id: string }>(`SELECT id FROM "Suggestion" WHERE "articleId" = $1`, [articleId]);
    await rejectSuggestion({ actor: ann, suggestionId: rows[0]!.id });

    // The same quotation in a revision's new paragraph rows, beside a new one.
    const text = story("Это неприемлемо").replace("Новости дня", "«Ответ последует», — добавил он.\n\nНовости дня");
    expect((await importArticle({ parsed: await parsePlainText(text, { sourceUrl }) })).status).toBe("revised");
    expect(await suggested(articleId)).toEqual([
      { exact: "Ответ последует", status: "OPEN" },
      { exact: "Это неприемлемо", status: "REJECTED" },
    ]);
  });

  it("queues a bulk job's articles, which the background finder then reads", async () => {
    const title = `Бюллетень ${randomUUID()}`;
    const line = JSON.stringify({ title, text: `«Санкции не сработали», — сказал представитель Кремля.\n\nПодробности позже.` });
    const job = await createImportJob({ actor: admin, fileName: "bulk.jsonl", contentLength: null, body: Readable.from([Buffer.from(line + "\n")]) });
    await startImportJob({ actor: admin, jobId: job.id });
    await runImportJob(job.id, { concurrency: 1 });
    const { rows } = await library.client.query<{ id: string }>(`SELECT id FROM "Article" WHERE title = $1`, [title]);
    const articleId = rows[0]!.id;
    expect(await suggested(articleId)).toEqual([]);
    expect(await queued(articleId)).toBe(1);

    expect(await drainQuoteFinderQueue()).toBeGreaterThanOrEqual(1);
    expect(await suggested(articleId)).toEqual([{ exact: "Санкции не сработали", status: "OPEN" }]);
    expect(await queued(articleId)).toBe(0);
    // Draining again reads nothing and adds nothing.
    expect(await drainQuoteFinderQueue()).toBe(0);
    expect(await suggested(articleId)).toHaveLength(1);
  });
});
