/**
 * Bulk imports after a crash, against a real PostgreSQL: a worker process is killed with
 * SIGKILL in the middle of a chunk, the sweep (what every instance runs at start-up and every
 * 10 s) resumes the job once its heartbeat is stale, and the job ends with every article once
 * and the right counts. An upload cut short is expired by the same sweep.
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { Readable } from "node:stream";
import pg from "pg";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/permissions";
import { testDatabase } from "@/lib/server/testing/test-database";

// A database hiccup on the first attempt at the articles titled "Сбой …": a deadlock on the fast
// path's insert, a dropped connection in the full path's transaction.
const hiccups = new Set<string>();
/** `write`, except that its first call for each article titled "Сбой …" throws `error()` instead. */
function hiccupOnce<Input extends { parsed: { title: string } }, Result>(path: string, write: (input: Input) => Promise<Result>, error: () => Error) {
  return async (input: Input): Promise<Result> => {
    if (input.parsed.title.startsWith("Сбой") && !hiccups.has(`${path}:${input.parsed.title}`)) {
      hiccups.add(`${path}:${input.parsed.title}`);
      throw error();
    }
    return write(input);
  };
}
vi.mock("./insert-new-article", async (importOriginal) => {
  const original = await importOriginal<typeof import("./insert-new-article")>();
  const deadlock = () => Object.assign(new Error("deadlock detected"), { code: "40P01" });
  // A batch fails as a whole, as the database would: on its first article titled "Сбой …".
  const first = hiccupOnce("fast", async () => undefined, deadlock);
  return {
    ...original,
    insertNewArticles: async (batch: Parameters<typeof original.insertNewArticles>[0]) => {
      for (const article of batch) await first(article);
      return original.insertNewArticles(batch);
    },
  };
});
vi.mock("@/lib/server/articles/import-article", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/server/articles/import-article")>();
  return { ...original, importArticle: hiccupOnce("full", original.importArticle, () => new Error("Connection terminated unexpectedly")) };
});

const { createImportJob } = await import("./create-import-job");
const { startImportJob } = await import("./start-import-job");
const { sweepImportJobs } = await import("./sweep-import-jobs");
const { runImportJob } = await import("./run-import-job");
const { STALE_AFTER_MS, UPLOAD_IDLE_MS } = await import("./import-job-dto");

const ROOT = path.resolve(import.meta.dirname, "../../..");
const database = testDatabase("glossa-run-import-job-test");
let admin: Actor;

beforeAll(async () => {
  admin = await database.newUser("Ada Min", "ADMIN");
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function one<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<T> {
  return (await database.client.query<T>(sql, values)).rows[0]!;
}

describe("a bulk job whose worker is killed (SIGKILL) mid-stretch", () => {
  it("is resumed by the sweep and finishes with every article once and the right counts", async () => {
    const site = `https://crash.test/${randomUUID()}`;
    const NEW = 600;
    const lines: string[] = [];
    for (let i = 1; i <= NEW; i++) {
      lines.push(JSON.stringify({ title: `Статья ${i}`, text: `Статья номер ${i}: переговоры продолжатся в Женеве.`, sourceUrl: `${site}/${i}` }));
      // Every 60th article comes again with new text: a second revision of it.
      if (i % 60 === 0) lines.push(JSON.stringify({ title: `Статья ${i}`, text: `Статья номер ${i}, исправленная: переговоры продолжатся в Женеве.`, sourceUrl: `${site}/${i}` }));
      if (i === 250 || i === 450) lines.push(`{"title": "broken"`);
    }
    const job = await createImportJob({ actor: admin, fileName: "crash.jsonl", contentLength: null, body: Readable.from([Buffer.from(lines.join("\n") + "\n")]) });
    await startImportJob({ actor: admin, jobId: job.id });
    const REVISED = NEW / 60;
    expect(job).toMatchObject({ total: NEW + REVISED + 2, valid: NEW + REVISED });

    // New articles are written 25 to a statement, so a chunk is a few commits: each of this
    // test's articles is slowed down (20 ms) so that the kill lands between them, mid-chunk.
    await database.client.query(`CREATE OR REPLACE FUNCTION "test_slow_insert"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(0.02); RETURN NEW; END $$`);
    await database.client.query(`CREATE TRIGGER "test_slow_insert" BEFORE INSERT ON "Article" FOR EACH ROW WHEN (NEW."sourceUrl" LIKE 'https://crash.test/%') EXECUTE FUNCTION "test_slow_insert"()`);
    // node itself with tsx's loader (not the tsx command, whose child would survive the kill).
    const worker = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "lib/server/import/run-import-job.worker.ts", job.id], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: database.url },
      stdio: "ignore",
    });
    const exited = new Promise((resolve) => worker.once("exit", resolve));
    // Kill it once it has written 120 articles: the job's 7 chunks are one stretch (the worker
    // imports up to 10 chunks at a time), so that is mid-stretch, before any chunk is counted.
    let state = { nextChunk: 0, articles: 0, status: "RUNNING" };
    for (let waited = 0; waited < 90_000; waited += 10) {
      state = await one(
        `SELECT "nextChunk" AS "nextChunk", status::text AS status, (SELECT count(*)::int FROM "Article" WHERE "sourceUrl" LIKE $2) AS articles FROM "ImportJob" WHERE id = $1`,
        [job.id, `${site}/%`],
      );
      if (state.status !== "RUNNING" || state.articles >= 120) break;
      await sleep(10);
    }
    worker.kill("SIGKILL");
    await exited;
    await database.client.query(`DROP TRIGGER "test_slow_insert" ON "Article"`);
    expect(state.status).toBe("RUNNING");
    expect(state.nextChunk).toBe(0);
    const atKill = await one<{ nextChunk: number; articles: number }>(
      `SELECT "nextChunk" AS "nextChunk", (SELECT count(*)::int FROM "Article" WHERE "sourceUrl" LIKE $2) AS articles FROM "ImportJob" WHERE id = $1`,
      [job.id, `${site}/%`],
    );
    expect(atKill.nextChunk).toBe(state.nextChunk);

    // A new instance starts; once the dead worker's heartbeat is stale, the sweep resumes the job.
    expect((await sweepImportJobs()).resumed).not.toContain(job.id);
    // STALE_AFTER_MS later (the dead worker's heartbeat moved back rather than the test waiting):
    await database.client.query(`UPDATE "ImportJob" SET "heartbeatAt" = "heartbeatAt" - make_interval(secs => $2) WHERE id = $1`, [job.id, (STALE_AFTER_MS + 1_000) / 1000]);
    expect((await sweepImportJobs()).resumed).toContain(job.id);
    await vi.waitFor(async () => expect((await one<{ status: string }>(`SELECT status::text AS status FROM "ImportJob" WHERE id = $1`, [job.id])).status).toBe("DONE"), {
      timeout: 120_000,
      interval: 200,
    });

    const done = await one(`SELECT total, processed, created, revised, unchanged, failed, "errorCount" FROM "ImportJob" WHERE id = $1`, [job.id]);
    expect(done).toEqual({ total: NEW + REVISED + 2, processed: NEW + REVISED + 2, created: NEW, revised: REVISED, unchanged: 0, failed: 2, errorCount: 2 });
    const articles = await one(
      `SELECT count(*)::int AS articles, count(DISTINCT "sourceUrl")::int AS urls, count(DISTINCT "contentHash")::int AS hashes,
              count(*) FILTER (WHERE revision = 2)::int AS revised, count(*) FILTER (WHERE revision > 2)::int AS beyond
       FROM "Article" WHERE "sourceUrl" LIKE $1`,
      [`${site}/%`],
    );
    expect(articles).toEqual({ articles: NEW, urls: NEW, hashes: NEW, revised: REVISED, beyond: 0 });
    expect(await one(`SELECT count(*)::int AS left FROM "ImportJobItem" WHERE "jobId" = $1`, [job.id])).toEqual({ left: 0 });
  }, 240_000);
});

describe("a transient database error during a job", () => {
  it("is retried with backoff: the article is imported, not failed for good", async () => {
    const site = `https://hiccup.test/${randomUUID()}`;
    const lines = [
      JSON.stringify({ title: "Сбой новой статьи", text: `Новая статья ${site}.`, sourceUrl: `${site}/new` }),
      JSON.stringify({ title: "Обычная статья", text: `Обычная статья ${site}.`, sourceUrl: `${site}/plain` }),
      // The same URL again: a revision, through the full path.
      JSON.stringify({ title: "Сбой ревизии", text: `Исправленная статья ${site}.`, sourceUrl: `${site}/plain` }),
    ];
    const job = await createImportJob({ actor: admin, fileName: "hiccup.jsonl", contentLength: null, body: Readable.from([Buffer.from(lines.join("\n"))]) });
    await startImportJob({ actor: admin, jobId: job.id });
    await runImportJob(job.id, { concurrency: 2 });
    expect(await one(`SELECT status::text AS status, created, revised, failed, errors::text AS errors FROM "ImportJob" WHERE id = $1`, [job.id])).toEqual({
      status: "DONE",
      created: 2,
      revised: 1,
      failed: 0,
      errors: "[]",
    });
    expect([...hiccups].filter((key) => key.includes("Сбой")).sort()).toEqual(["fast:Сбой новой статьи", "full:Сбой ревизии"]);
  });
});

describe("an upload cut short", () => {
  it("is failed with a message by the sweep once idle, and its stored chunks deleted; a live upload is left alone", async () => {
    const stale = randomUUID();
    const live = randomUUID();
    for (const [id, idle] of [[stale, UPLOAD_IDLE_MS + 60_000], [live, 1_000]] as const) {
      await database.client.query(`INSERT INTO "ImportJob" (id, "createdById", "fileName", format, "updatedAt") VALUES ($1, $2, 'cut.jsonl', 'jsonl', now() - make_interval(secs => $3))`, [
        id,
        admin.id,
        idle / 1000,
      ]);
      await database.client.query(`INSERT INTO "ImportJobChunk" ("jobId", seq, lines, items) VALUES ($1, 0, '{1}', '{x}')`, [id]);
    }
    const { expired } = await sweepImportJobs();
    expect(expired).toContain(stale);
    expect(expired).not.toContain(live);
    const rows = (await database.client.query(`SELECT id, status::text AS status, message, (SELECT count(*)::int FROM "ImportJobChunk" c WHERE c."jobId" = j.id) AS chunks FROM "ImportJob" j WHERE id = ANY($1)`, [[stale, live]])).rows;
    expect(rows.find((row) => row.id === stale)).toMatchObject({ status: "FAILED", message: expect.stringMatching(/stopped before the whole file arrived/), chunks: 0 });
    expect(rows.find((row) => row.id === live)).toMatchObject({ status: "UPLOADING", message: null, chunks: 1 });
  });
});
