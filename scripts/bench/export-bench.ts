/**
 * Corpus export benchmark: 10,000 articles (5 paragraphs each) with 4 annotations and a note per
 * article, all in the default project's layer as imports put them, loaded by PostgreSQL itself
 * (INSERT … SELECT over generate_series) into a throwaway embedded PostgreSQL; then the whole
 * library is exported in each format through the real use case (exportCorpus: keyset batches
 * from the database, the streaming writers), the file consumed and counted but never held.
 * Prints, per format: wall time, progress units per second (the unit the progress bar counts:
 * rows for CSV, annotations for W3C, articles for the others, counted in the stream by the
 * browser's own counter and checked against the announced total), the size, the heap and RSS
 * when 10%, 50% and 100% of the units had streamed (each after a full collection: memory that
 * stays flat is the same at all three), the raw peaks sampled every 50 ms, and the machine's load
 * average (a shared machine's wall times say how busy it was). Target: flat, at most 75 MB of
 * heap growth per writer. Writes bench-results/export-bench.json.
 *
 *   npm run bench export      (BENCH_ARTICLES=1000, BENCH_EXPORT_FORMATS=csv,w3c; or: node --expose-gc --conditions=react-server --import tsx scripts/bench/export-bench.ts [--articles 10000] [--formats csv,spacy])
 *
 * Never touches the developer's database: DATABASE_URL is ignored.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { progressCounter } from "../../lib/exporting/progress";
import { prepareDatabase, ROOT } from "../runtime";
import { benchCommand } from "./support";

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index === -1 ? undefined : Number(process.argv[index + 1]);
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

/** `--articles N`, or BENCH_ARTICLES=N through `npm run bench export`. */
const ARTICLES = option("articles", Number(process.env.BENCH_ARTICLES) > 0 ? Number(process.env.BENCH_ARTICLES) : 10_000);
/** Only these formats (comma-separated), when given: `--formats csv,w3c`, or BENCH_EXPORT_FORMATS. */
const FORMATS = (() => {
  const index = process.argv.indexOf("--formats");
  const list = index === -1 ? process.env.BENCH_EXPORT_FORMATS : process.argv[index + 1];
  return list ? new Set(list.split(",")) : null;
})();
const PARAGRAPHS = 5;
const HEAP_TARGET_MB = 75;
/** Where in the stream (shares of its progress units) the heap is read after a full collection. */
const CHECKPOINTS = [0.1, 0.5, 1];
const gc = (globalThis as { gc?: () => void }).gc;
const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

/**
 * Peak heap and RSS, sampled every 50 ms while a writer runs; with --expose-gc (npm run bench
 * passes it) also the heap that survives a full collection, every 5 seconds: garbage V8 has not
 * collected yet is not memory the export holds, so "flat" is about that one.
 */
function memoryProbe() {
  let heap = 0;
  let rss = 0;
  let retained = 0;
  let lastGc = performance.now();
  const sample = () => {
    // Every 5 s: often enough to see a held heap grow, rarely enough not to slow the export down much.
    if (gc && performance.now() - lastGc >= 5000) {
      gc();
      lastGc = performance.now();
      retained = Math.max(retained, process.memoryUsage().heapUsed);
    }
    const usage = process.memoryUsage();
    heap = Math.max(heap, usage.heapUsed);
    rss = Math.max(rss, usage.rss);
  };
  sample();
  const timer = setInterval(sample, 50);
  return {
    sample,
    stop() {
      clearInterval(timer);
      sample();
      return { heap, rss, retained };
    },
  };
}

// Each paragraph: the annotated sentence first (fixed offsets), then filler so it reads like a wire story.
const LEAD = "Министр иностранных дел встретился с послом в Тбилиси, сообщил ТАСС. ";
const FILLER =
  "Переговоры между Москвой и Тбилиси продолжаются в рамках женевских дискуссий по безопасности и стабильности в Закавказье. 👍 Стороны обсудили торговлю, гуманитарные проекты и культурный обмен; следующая встреча назначена на конец месяца. ";

/** The corpus, written by PostgreSQL itself from generate_series (seconds instead of minutes of inserts). */
async function seedCorpus(client: pg.Client, authorId: string, entityTypeId: string): Promise<void> {
  const highlight = { start: LEAD.indexOf("встретился с послом"), exact: "встретился с послом" };
  const tag = { start: LEAD.indexOf("ТАСС"), exact: "ТАСС" };
  const quote = { start: LEAD.indexOf("Тбилиси"), exact: "Тбилиси" };
  await client.query("BEGIN");
  await client.query(
    `INSERT INTO "Article" (id, slug, title, language, source, "contentHash", "createdAt", "updatedAt")
     SELECT 'bench-a-' || n, 'bench-article-' || n, 'Сводка новостей номер ' || n, 'ru', 'Bench Wire', md5(n::text), now() - n * interval '1 second', now()
     FROM generate_series(1, $1::int) AS n`,
    [ARTICLES],
  );
  // Every article in the default project (as imports put them): the export names each annotation's layer.
  await client.query(`INSERT INTO "ArticleProject" ("articleId", "projectId") SELECT 'bench-a-' || n, 'glossa' FROM generate_series(1, $1::int) AS n`, [ARTICLES]);
  await client.query(
    `INSERT INTO "Paragraph" (id, "articleId", revision, position, text)
     SELECT 'bench-p-' || n || '-' || p, 'bench-a-' || n, 1, p, $2::text || repeat($3::text, 2) || 'Статья ' || n || ', абзац ' || p || '.'
     FROM generate_series(1, $1::int) AS n, generate_series(1, ${PARAGRAPHS}) AS p`,
    [ARTICLES, LEAD, FILLER],
  );
  const span = (value: { start: number; exact: string }) => [value.start, value.start + value.exact.length, value.exact, LEAD.slice(Math.max(0, value.start - 32), value.start), LEAD.slice(value.start + value.exact.length, value.start + value.exact.length + 32)];
  // Two highlights (paragraphs 1 and 3), an entity tag and a quote-like highlight on paragraph 2, all shared.
  for (const [suffix, p, kind, value, color, typeId] of [
    ["h1", 1, "HIGHLIGHT", highlight, "yellow", null],
    ["h3", 3, "HIGHLIGHT", highlight, "green", null],
    ["e2", 2, "ENTITY", tag, null, entityTypeId],
    ["q2", 2, "HIGHLIGHT", quote, "blue", null],
  ] as const) {
    await client.query(
      `INSERT INTO "Annotation" (id, "articleId", "paragraphId", "authorId", kind, start, "end", exact, prefix, suffix, color, "entityTypeId", visibility, "projectId", "updatedAt")
       SELECT 'bench-${suffix}-' || n, 'bench-a-' || n, 'bench-p-' || n || '-${p}', $2, '${kind}', $3, $4, $5, $6, $7, $8, $9, 'SHARED', 'glossa', now()
       FROM generate_series(1, $1::int) AS n`,
      [ARTICLES, authorId, ...span(value), color, typeId],
    );
  }
  await client.query(
    `INSERT INTO "Note" (id, "articleId", "paragraphId", "annotationId", "authorId", body, visibility, "projectId", "updatedAt")
     SELECT 'bench-n-' || n, 'bench-a-' || n, 'bench-p-' || n || '-1', 'bench-h1-' || n, $2, 'Проверить **дату** встречи, статья ' || n || '.', 'SHARED', 'glossa', now()
     FROM generate_series(1, $1::int) AS n`,
    [ARTICLES, authorId],
  );
  await client.query("COMMIT");
  await client.query(`ANALYZE`);
}

async function main() {
  delete process.env.DATABASE_URL;
  process.env.BETTER_AUTH_SECRET = randomBytes(24).toString("hex");
  const log = (message: string) => console.log(`[bench] ${message}`);
  log("Starting a throwaway embedded PostgreSQL…");
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "glossa-export-bench-db-"));
  const database = await prepareDatabase({ dataDir, throwaway: true, log: () => {} });
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { db } = await import("../../lib/db");
    const { exportCorpus } = await import("../../lib/server/exports/export-corpus");
    const { closeDirectPools } = await import("../../lib/server/direct-pool");
    const { EXPORT_FORMATS } = await import("../../lib/validations/export");
    const admin = await db().user.findFirstOrThrow({ where: { role: "ADMIN" }, select: { id: true, name: true, email: true, role: true, color: true } });
    const org = await db().entityType.findFirstOrThrow({ where: { key: "ORG", projectId: "glossa" }, select: { id: true } });

    let started = performance.now();
    await seedCorpus(client, admin.id, org.id);
    log(`Seeded ${ARTICLES.toLocaleString("en-US")} articles, ${(ARTICLES * PARAGRAPHS).toLocaleString("en-US")} paragraphs, ${(ARTICLES * 4).toLocaleString("en-US")} annotations, ${ARTICLES.toLocaleString("en-US")} notes in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const results = [];
    for (const { format, label } of EXPORT_FORMATS.filter((entry) => !FORMATS || FORMATS.has(entry.format))) {
      gc?.();
      const before = process.memoryUsage();
      const loadBefore = os.loadavg()[0]!;
      const probe = memoryProbe();
      started = performance.now();
      const file = await exportCorpus({ actor: admin, query: { format } });
      // Before the first byte: the announced total is counted (what the progress bar fills to).
      const countSeconds = (performance.now() - started) / 1000;
      const total = Number(file.headers?.["X-Export-Total"]);
      // Counted as the browser counts them, so the checkpoints are where its progress bar stands.
      const count = progressCounter(format);
      const checkpoints = CHECKPOINTS.map((share) => ({ share, at: Math.max(1, Math.ceil(total * share)), heapMb: NaN, rssMb: NaN, seconds: NaN }));
      let units = 0;
      let bytes = 0;
      let chunks = 0;
      for await (const chunk of file.chunks) {
        bytes += Buffer.byteLength(chunk);
        units = count(chunk);
        if (++chunks % 200 === 0) probe.sample();
        for (const checkpoint of checkpoints) {
          if (!Number.isNaN(checkpoint.heapMb) || units < checkpoint.at) continue;
          checkpoint.seconds = Math.round((performance.now() - started) / 100) / 10;
          // What survives a full collection is what the export holds at this point.
          gc?.();
          const usage = process.memoryUsage();
          checkpoint.heapMb = mb(usage.heapUsed);
          checkpoint.rssMb = mb(usage.rss);
        }
      }
      const seconds = (performance.now() - started) / 1000;
      const peak = probe.stop();
      if (units !== total) throw new Error(`${label}: the stream held ${units} ${file.headers?.["X-Export-Unit"]}, the announced total was ${total}.`);
      const result = {
        format,
        seconds: Math.round(seconds * 10) / 10,
        countSeconds: Math.round(countSeconds * 100) / 100,
        unit: file.headers?.["X-Export-Unit"],
        units,
        unitsPerSecond: Math.round(units / seconds),
        articlesPerSecond: Math.round(ARTICLES / seconds),
        fileMb: mb(bytes),
        mbPerSecond: Math.round((bytes / 1048576 / seconds) * 10) / 10,
        heapBeforeMb: mb(before.heapUsed),
        checkpoints: checkpoints.map(({ share, heapMb, rssMb, seconds: at }) => ({ percent: share * 100, seconds: at, heapMb, rssMb })),
        peakHeapMb: mb(peak.heap),
        heapGrowthMb: mb(peak.heap - before.heapUsed),
        peakRssMb: mb(peak.rss),
        ...(gc ? { retainedHeapMb: mb(peak.retained), retainedGrowthMb: mb(peak.retained - before.heapUsed) } : {}),
        loadAverage: [loadBefore, os.loadavg()[0]!].map((value) => Math.round(value * 10) / 10),
      };
      results.push(result);
      log(
        `${label.padEnd(14)} ${String(result.seconds).padStart(5)} s (counting ${result.countSeconds} s)  ${result.units.toLocaleString("en-US").padStart(6)} ${result.unit} (${result.unitsPerSecond.toLocaleString("en-US")}/s, ${result.articlesPerSecond.toLocaleString("en-US")} articles/s)  ${String(result.fileMb).padStart(5)} MB` +
          `  heap ${result.heapBeforeMb} MB at start, ${result.checkpoints.map((checkpoint) => `${checkpoint.heapMb} at ${checkpoint.percent}%`).join(", ")}${gc ? " (after GC)" : ""}; raw peak ${result.peakHeapMb} MB; RSS ${result.checkpoints.map((checkpoint) => checkpoint.rssMb).join(" / ")} MB, peak ${result.peakRssMb} MB  load ${result.loadAverage.join("→")}`,
      );
    }
    // What the export holds is what survives collection; without --expose-gc only the raw peak is known.
    const worst = Math.max(...results.map((result) => ("retainedGrowthMb" in result ? result.retainedGrowthMb! : result.heapGrowthMb)));
    log(`Largest heap a writer held beyond its start${gc ? " (after GC)" : ""}: ${worst} MB (target: at most ${HEAP_TARGET_MB} MB, flat in the corpus size)`);
    log(`Command: ${benchCommand("export")}${process.argv.length > 2 ? ` ${process.argv.slice(2).join(" ")}` : ""} (${os.cpus().length} cores, ${ARTICLES.toLocaleString("en-US")} articles, load average ${os.loadavg().map((value) => value.toFixed(1)).join(" ")})`);
    mkdirSync(path.join(ROOT, "bench-results"), { recursive: true });
    writeFileSync(path.join(ROOT, "bench-results", "export-bench.json"), `${JSON.stringify({ articles: ARTICLES, paragraphs: ARTICLES * PARAGRAPHS, annotations: ARTICLES * 4, notes: ARTICLES, results }, null, 2)}\n`);
    await db().$disconnect();
    await closeDirectPools();
    if (worst > HEAP_TARGET_MB) process.exitCode = 1;
  } finally {
    await client.end();
    await database.embedded?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
