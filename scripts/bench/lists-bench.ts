/**
 * The lists at newsroom size: a throwaway embedded PostgreSQL filled with N articles (default
 * 100,000; four paragraphs each, indexed for search, one in fifty archived) straight by SQL, then
 * the use cases behind the library (`/`: first, deep and previous pages, the count capped at
 * 10,000), the admin article list (first and deep keyset pages, a title filter through the pg_trgm
 * index) and search (a word in most articles, a phrase, one title), each timed in-process over
 * BENCH_LIST_RUNS runs after a warm-up: p50 and p95 in ms.
 * What it times is the server's data work for the page (the database reads and their mapping),
 * not rendering or HTTP.
 *
 *   BENCH_ARTICLES=100000 npm run bench lists
 *
 * Never touches the developer's database: DATABASE_URL is ignored.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { prepareDatabase, ROOT } from "../runtime";
import { benchCommand, percentile } from "./support";

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 100_000);
const RUNS = Number(process.env.BENCH_LIST_RUNS ?? 40);
const log = (message: string) => console.log(`[bench] ${message}`);

/** Fills the database: articles newest every second, titles numbered, paragraphs from two small vocabularies. */
async function fill(client: pg.Client): Promise<void> {
  await client.query(`
    CREATE TEMP TABLE words_ru AS SELECT string_to_array('власти россии заявили что переговоры между москвой и тбилиси продолжаются в рамках женевских дискуссий по безопасности стабильности закавказье президент партия парламент выборы мандаты депутаты пресс служба кремля сообщила пятницу обращение письмо сотрудничество', ' ') AS w;
    CREATE TEMP TABLE words_en AS SELECT string_to_array('the union said on friday that the strike at the port had ended after three days negotiators agreed on a raise and new safety rules for night shifts shipping companies welcomed the agreement', ' ') AS w;`);
  await client.query(
    `INSERT INTO "Article" (id, slug, title, language, source, "sourceUrl", "contentHash", revision, "archivedAt", "createdAt", "updatedAt", "titleVector")
     SELECT 'bench' || n, 'bench-article-' || n, 'Bench article ' || n || CASE WHEN n % 3 = 0 THEN ' about the port strike' ELSE ' о переговорах' END,
            CASE WHEN n % 3 = 0 THEN 'en' ELSE 'ru' END, CASE WHEN n % 2 = 0 THEN 'ТАСС' ELSE 'Bench Wire' END,
            'https://bench.example/articles/' || n, md5(n::text), 1, CASE WHEN n % 50 = 0 THEN now() END,
            timestamp '2026-01-01' + n * interval '1 second', now(),
            to_tsvector('simple', 'bench article ' || n)
       FROM generate_series(1, $1::int) AS n`,
    [ARTICLES],
  );
  log("articles inserted; paragraphs…");
  await client.query(
    `INSERT INTO "Paragraph" (id, "articleId", revision, position, text, "searchVector")
     SELECT 'bp' || n || '-' || p, 'bench' || n, 1, p, t.text, to_tsvector('simple', t.text)
       FROM generate_series(1, $1::int) AS n, generate_series(0, 3) AS p,
            LATERAL (SELECT string_agg(w[1 + floor(random() * array_length(w, 1))::int], ' ') || '.' AS text
                       FROM (SELECT CASE WHEN n % 3 = 0 THEN (SELECT w FROM words_en) ELSE (SELECT w FROM words_ru) END AS w) AS v,
                            generate_series(1, 24 + p + n % 7)) AS t`,
    [ARTICLES],
  );
  // Search's article vectors, from the paragraphs' (migration 20261201233000_article_text_vector).
  await client.query(`UPDATE "Article" AS "a" SET "textVector" = "glossa_article_text_vector"(ARRAY(
    SELECT "p"."searchVector" FROM "Paragraph" AS "p" WHERE "p"."articleId" = "a"."id" AND "p"."revision" = "a"."revision" ORDER BY "p"."position"))`);
  await client.query(`ANALYZE`);
}

async function time(name: string, run: () => Promise<unknown>): Promise<{ name: string; p50: number; p95: number }> {
  for (let i = 0; i < 3; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  const result = { name, p50: Math.round(percentile(times, 50) * 10) / 10, p95: Math.round(percentile(times, 95) * 10) / 10 };
  log(`${name.padEnd(44)} p50 ${String(result.p50).padStart(6)} ms   p95 ${String(result.p95).padStart(6)} ms${result.p95 < 100 ? "" : "   (over 100 ms)"}`);
  return result;
}

async function main() {
  delete process.env.DATABASE_URL;
  process.env.BETTER_AUTH_SECRET = randomBytes(24).toString("hex");
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "glossa-lists-bench-db-"));
  const database = await prepareDatabase({ dataDir, throwaway: true, log: () => {} });
  const client = new pg.Client({ connectionString: database.url });
  try {
    await client.connect();
    let started = performance.now();
    log(`Filling ${ARTICLES.toLocaleString("en-US")} articles…`);
    await fill(client);
    log(`Filled in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const { db } = await import("../../lib/db");
    const { closeDirectPools } = await import("../../lib/server/direct-pool");
    const { listArticles } = await import("../../lib/server/articles/list-articles");
    const { listAdminArticles } = await import("../../lib/server/articles/list-admin-articles");
    const { searchArticles } = await import("../../lib/server/search/search-articles");
    const { parsePageRequest, encodeRowKey } = await import("../../lib/pagination/keyset");
    const admin = await db().user.findFirstOrThrow({ where: { role: "ADMIN" }, select: { id: true, name: true, email: true, role: true, color: true } });
    const deep = (await client.query<{ id: string; createdAt: Date }>(`SELECT id, "createdAt" FROM "Article" WHERE "archivedAt" IS NULL ORDER BY "createdAt" DESC, id DESC OFFSET $1 LIMIT 1`, [Math.floor(ARTICLES * 0.9)])).rows[0]!;
    const deepKey = encodeRowKey({ at: deep.createdAt, id: deep.id });
    const page = (params: { after?: string; before?: string }) => {
      const request = parsePageRequest(params);
      if ("error" in request) throw new Error(request.error);
      return request;
    };

    started = performance.now();
    const results = [
      await time("library /: first page (count, 50 rows)", () => listArticles()),
      await time("library: Next at 90% of the list", () => listArticles(page({ after: deepKey }))),
      await time("library: Previous at 90% of the list", () => listArticles(page({ before: deepKey }))),
      await time("admin articles: first page", () => listAdminArticles({ actor: admin })),
      await time("admin articles: Next at 90% of the list", () => listAdminArticles({ actor: admin, request: page({ after: deepKey }) })),
      await time('admin articles: filter "port strike"', () => listAdminArticles({ actor: admin, q: "port strike" })),
      await time('admin articles: filter "article 4242"', () => listAdminArticles({ actor: admin, q: "article 4242" })),
      await time("search: переговоры (in most Russian articles)", () => searchArticles({ actor: null, input: { q: "переговоры" } })),
      await time("search: night shifts (phrase, English articles)", () => searchArticles({ actor: null, input: { q: '"night shifts"' } })),
      await time('search: "bench article 4242" (one title)', () => searchArticles({ actor: null, input: { q: '"bench article 4242"' } })),
    ];
    const worst = Math.max(...results.map((result) => result.p95));
    log(`${ARTICLES.toLocaleString("en-US")} articles; worst p95 ${worst} ms (target < 100 ms); measured in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    log(`Command: ${benchCommand("lists")}; ${os.cpus().length} cores`);
    mkdirSync(path.join(ROOT, "bench-results"), { recursive: true });
    writeFileSync(path.join(ROOT, "bench-results", "lists-bench.json"), `${JSON.stringify({ articles: ARTICLES, runs: RUNS, results }, null, 2)}\n`);
    await db().$disconnect();
    await closeDirectPools();
  } finally {
    await client.end().catch(() => {});
    await database.embedded?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
