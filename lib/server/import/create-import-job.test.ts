/**
 * The upload check of a bulk file, against a real PostgreSQL: its preview counts the lines
 * identical to a stored article and those that will be new revisions of one (looked up per
 * chunk), reports each bad line with its number, and keeps every valid line for the import.
 */
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { parsePlainText } from "@/lib/importing";
import type { Actor } from "@/lib/permissions";
import { importArticle } from "@/lib/server/articles/import-article";
import { testDatabase } from "@/lib/server/testing/test-database";
import { createImportJob } from "./create-import-job";
import { readChunk, readChunks } from "./import-job-chunks";

const database = testDatabase("glossa-create-import-job-test");
let admin: Actor;

beforeAll(async () => {
  admin = await database.newUser("Ada Min", "ADMIN");
});

describe("createImportJob", () => {
  it("previews identical articles and revisions, reports bad lines, and stores the valid ones in chunks", async () => {
    const site = `https://check.test/${randomUUID()}`;
    const stored: { title: string; text: string; sourceUrl?: string } = { title: "Хранимая статья", text: `Статья ${site} уже в библиотеке.` };
    const revised = { title: "Будущая ревизия", text: `Первая версия ${site}.`, sourceUrl: `${site}/revised` };
    for (const { title, text, sourceUrl } of [stored, revised]) await importArticle({ parsed: await parsePlainText(text, { title, sourceUrl }) });

    // 250 lines: three chunks.
    const lines = Array.from({ length: 250 }, (_, n) => JSON.stringify({ title: `Новая ${n}`, text: `Новая статья ${n} ${site}.`, sourceUrl: `${site}/${n}` }));
    lines[10] = JSON.stringify(stored); // identical to a stored article
    lines[20] = JSON.stringify({ ...revised, text: `Вторая версия ${site}.` }); // the stored URL, new text
    lines[120] = `{"title": "оборванная строка"`;
    lines[230] = JSON.stringify({ title: "Без текста" });
    lines[240] = JSON.stringify({ ...stored }); // the same identical article again, in another chunk

    const job = await createImportJob({ actor: admin, fileName: "check.jsonl", contentLength: null, body: Readable.from([Buffer.from(lines.join("\n"))]) });
    expect(job).toMatchObject({ status: "READY", total: 250, valid: 248, errorCount: 2 });
    expect(job.preview).toMatchObject({ identical: 2, revisions: 1 });
    expect(job.errors).toEqual([
      { line: 121, message: expect.stringMatching(/^Line 121: invalid JSON/) },
      { line: 231, message: expect.stringMatching(/^Line 231: one of "text", "html", "markdown" is required/) },
    ]);

    const chunks = await Promise.all([0, 1, 2].map((seq) => readChunk(job.id, seq)));
    // A chunk holds up to 100 valid articles; a bad line is counted in the chunk it falls in.
    expect(chunks.map((chunk) => chunk && [chunk.items.length, chunk.skipped])).toEqual([[100, 0], [100, 1], [48, 1]]);
    expect(chunks.flatMap((chunk) => chunk!.lines)).toHaveLength(248);
    expect(JSON.parse(chunks[0]!.items[10]!)).toMatchObject({ title: stored.title });
    expect(await readChunk(job.id, 3)).toBeNull();
    // The worker reads several chunks as one stretch, in order; a stretch reaching past the last chunk is missing.
    expect(await readChunks(job.id, 0, 3)).toEqual({ lines: chunks.flatMap((chunk) => chunk!.lines), items: chunks.flatMap((chunk) => chunk!.items), skipped: 2 });
    expect(await readChunks(job.id, 1, 2)).toEqual({ lines: [...chunks[1]!.lines, ...chunks[2]!.lines], items: [...chunks[1]!.items, ...chunks[2]!.items], skipped: 2 });
    expect(await readChunks(job.id, 1, 3)).toBeNull();
  });

  it("leaves no stored chunk behind when the upload breaks off while chunks are being stored", async () => {
    const site = `https://cut.test/${randomUUID()}`;
    async function* cutShort() {
      // 1,000 valid lines (ten chunks, each stored while the next is parsed), then the connection drops.
      for (let n = 0; n < 1_000; n++) yield Buffer.from(`${JSON.stringify({ title: `Статья ${n}`, text: `Статья ${n} ${site}.`, sourceUrl: `${site}/${n}` })}\n`);
      throw new Error("aborted");
    }
    // Each chunk's write is slowed down, so the last one is still being stored when the upload breaks off.
    await database.client.query(`CREATE OR REPLACE FUNCTION "test_slow_chunk"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(0.2); RETURN NEW; END $$`);
    await database.client.query(`CREATE TRIGGER "test_slow_chunk" BEFORE INSERT ON "ImportJobChunk" FOR EACH ROW EXECUTE FUNCTION "test_slow_chunk"()`);
    try {
      await expect(createImportJob({ actor: admin, fileName: "cut.jsonl", contentLength: null, body: cutShort() })).rejects.toThrow("aborted");
    } finally {
      await database.client.query(`DROP TRIGGER "test_slow_chunk" ON "ImportJobChunk"`);
    }
    const { rows } = await database.client.query(
      `SELECT j.status::text AS status, j.message, (SELECT count(*)::int FROM "ImportJobChunk" c WHERE c."jobId" = j.id) AS chunks FROM "ImportJob" j WHERE j."fileName" = 'cut.jsonl'`,
    );
    expect(rows).toEqual([{ status: "FAILED", message: expect.stringMatching(/interrupted/), chunks: 0 }]);
  });
});
