/**
 * Bulk import benchmark: generates N articles (default 10,000, ~25 MB of JSON Lines), then runs
 * the real bulk pipeline against a throwaway embedded PostgreSQL: upload + check (streamed from
 * disk, as the route streams the request body), then the background import, each article in
 * its own transaction. Prints wall time, throughput and peak memory, and writes them to
 * bench-results/import-bench.json.
 *
 *   NODE_OPTIONS=--expose-gc npx tsx --conditions=react-server scripts/bench/import-bench.ts [--articles 10000] [--concurrency 4]
 *   BENCH_ARTICLES=100000 npm run bench import     (ten times: ~270 MB, over the default 200 MB bulk
 *                                                   limit, which the run raises to the file's size)
 *
 * Never touches the developer's database: DATABASE_URL is ignored.
 */
import { createReadStream, createWriteStream, mkdirSync, statSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { prepareDatabase, ROOT } from "../runtime";
import { benchCommand } from "./support";

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index === -1 ? undefined : Number(process.argv[index + 1]);
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

const ARTICLES = option("articles", Number(process.env.BENCH_ARTICLES) || 10_000);
const CONCURRENCY = option("concurrency", Number(process.env.BENCH_CONCURRENCY) || 4);

// A small deterministic generator (mulberry32) so every run imports the same corpus.
let seed = 42;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

const RU = "власти россии заявили что переговоры между москвой и тбилиси продолжаются в рамках женевских дискуссий по безопасности стабильности закавказье президент партия парламент выборы мандаты депутаты пресс служба кремля сообщила пятницу обращение письмо сотрудничество культурных социальных проектов торговой гуманитарной областях результаты".split(" ");
const EN = "the union said on friday that the strike at the port had ended after three days negotiators agreed on a raise and new safety rules for night shifts shipping companies welcomed the agreement saying delays would clear within a week officials review procedures".split(" ");

function sentence(words: readonly string[]): string {
  const length = 8 + Math.floor(random() * 14);
  const text = Array.from({ length }, () => pick(words)).join(" ");
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

function article(n: number): string {
  const words = n % 3 === 0 ? EN : RU;
  const paragraphs = Array.from({ length: 3 + Math.floor(random() * 4) }, () => Array.from({ length: 2 + Math.floor(random() * 3) }, () => sentence(words)).join(" "));
  return JSON.stringify({
    title: `${sentence(words).slice(0, -1)} (${n})`,
    text: paragraphs.join("\n\n"),
    source: n % 2 ? "ТАСС" : "Bench Wire",
    sourceUrl: `https://bench.example/articles/${n}`,
    publishedAt: `2024-0${1 + (n % 9)}-1${n % 10}`,
    ...(n % 5 === 0 ? {} : { language: words === EN ? "en" : "ru" }),
  });
}

async function generate(file: string): Promise<void> {
  const out = createWriteStream(file);
  for (let n = 1; n <= ARTICLES; n++) {
    if (!out.write(`${article(n)}\n`)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

const gc = (globalThis as { gc?: () => void }).gc;

/**
 * Samples memory every 100 ms; returns the peaks seen between start() and stop(). With
 * --expose-gc it also collects garbage every second and records the heap that survives,
 * which is what "flat" is about: garbage V8 has not collected yet is not held memory.
 */
function memoryProbe() {
  let rss = 0;
  let heap = 0;
  let retained = 0;
  let ticks = 0;
  let timer: ReturnType<typeof setInterval> | undefined;
  const sample = () => {
    if (gc && ++ticks % 10 === 0) {
      gc();
      retained = Math.max(retained, process.memoryUsage().heapUsed);
    }
    const usage = process.memoryUsage();
    rss = Math.max(rss, usage.rss);
    heap = Math.max(heap, usage.heapUsed);
  };
  return {
    start() {
      rss = 0;
      heap = 0;
      retained = 0;
      sample();
      timer = setInterval(sample, 100);
    },
    stop() {
      clearInterval(timer);
      sample();
      const mb = (bytes: number) => Math.round(bytes / 1048576);
      return { peakRssMb: mb(rss), peakHeapMb: mb(heap), ...(gc ? { peakHeapAfterGcMb: mb(retained) } : {}) };
    },
  };
}

async function main() {
  delete process.env.DATABASE_URL;
  // The seed creates an admin through better-auth, which wants a secret; this one dies with the database.
  process.env.BETTER_AUTH_SECRET = randomBytes(24).toString("hex");
  process.env.GLOSSA_IMPORT_CONCURRENCY = String(CONCURRENCY);
  const work = await mkdtemp(path.join(os.tmpdir(), "glossa-import-bench-"));
  const file = path.join(work, "articles.jsonl");
  const log = (message: string) => console.log(`[bench] ${message}`);
  let stopDatabase = async () => {};
  try {
    log(`Generating ${ARTICLES.toLocaleString("en-US")} articles…`);
    await generate(file);
    const bytes = statSync(file).size;
    log(`${path.basename(file)}: ${(bytes / 1048576).toFixed(1)} MB`);
    if (bytes > 200 * 1048576 && !process.env.GLOSSA_IMPORT_MAX_BULK_BYTES) {
      process.env.GLOSSA_IMPORT_MAX_BULK_BYTES = String(bytes);
      log(`GLOSSA_IMPORT_MAX_BULK_BYTES=${bytes} for this run (the default limit is 200 MB)`);
    }

    log("Starting a throwaway embedded PostgreSQL…");
    // Its own temporary folder: as root, the postgres user must be able to reach it.
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "glossa-import-bench-db-"));
    const database = await prepareDatabase({ dataDir, throwaway: true, log: () => {} });
    stopDatabase = async () => {
      await database.embedded?.stop();
      await rm(dataDir, { recursive: true, force: true });
    };
    const { db } = await import("../../lib/db");
    const { createImportJob } = await import("../../lib/server/import/create-import-job");
    const { startImportJob } = await import("../../lib/server/import/start-import-job");
    const { runImportJob } = await import("../../lib/server/import/run-import-job");
    const { closeDirectPools } = await import("../../lib/server/direct-pool");
    const admin = await db().user.findFirstOrThrow({ where: { role: "ADMIN" }, select: { id: true, name: true, email: true, role: true, color: true } });

    const memory = memoryProbe();
    const baseline = Math.round(process.memoryUsage().rss / 1048576);
    memory.start();
    let started = performance.now();
    const job = await createImportJob({ actor: admin, fileName: "bench.jsonl", contentLength: bytes, body: createReadStream(file, { highWaterMark: 64 * 1024 }) });
    const checkSeconds = (performance.now() - started) / 1000;
    const checkMemory = memory.stop();
    log(`Upload + check: ${checkSeconds.toFixed(1)} s, ${job.valid.toLocaleString("en-US")} valid of ${job.total.toLocaleString("en-US")}, peak RSS ${checkMemory.peakRssMb} MB`);

    memory.start();
    started = performance.now();
    await startImportJob({ actor: admin, jobId: job.id });
    let last = 0;
    const progress = setInterval(async () => {
      const row = await db().importJob.findUnique({ where: { id: job.id }, select: { processed: true } });
      if (row && row.processed !== last) {
        last = row.processed;
        log(`  ${row.processed.toLocaleString("en-US")} / ${job.total.toLocaleString("en-US")}`);
      }
    }, 5000);
    await runImportJob(job.id, { concurrency: CONCURRENCY });
    clearInterval(progress);
    const importSeconds = (performance.now() - started) / 1000;
    const importMemory = memory.stop();
    const done = await db().importJob.findUniqueOrThrow({ where: { id: job.id }, select: { status: true, processed: true, created: true, revised: true, unchanged: true, failed: true } });
    const stored = await db().article.count();
    const paragraphs = await db().paragraph.count();

    const result = {
      articles: ARTICLES,
      fileMb: Math.round((bytes / 1048576) * 10) / 10,
      concurrency: CONCURRENCY,
      cpus: os.cpus().length,
      checkSeconds: Math.round(checkSeconds * 10) / 10,
      importSeconds: Math.round(importSeconds * 10) / 10,
      totalSeconds: Math.round((checkSeconds + importSeconds) * 10) / 10,
      articlesPerSecond: Math.round(ARTICLES / importSeconds),
      baselineRssMb: baseline,
      check: checkMemory,
      import: importMemory,
      job: done,
      storedArticles: stored,
      storedParagraphs: paragraphs,
    };
    log(`Import: ${importSeconds.toFixed(1)} s (${result.articlesPerSecond} articles/s), status ${done.status}, ${done.created} created, ${done.failed} failed, peak RSS ${importMemory.peakRssMb} MB`);
    log(`Total: ${result.totalSeconds} s for ${result.fileMb} MB (target: under ${ARTICLES > 10_000 ? "180" : "60"} s)`);
    log(`Command: ${benchCommand("import")}   (or npx tsx --conditions=react-server scripts/bench/import-bench.ts --articles ${ARTICLES} --concurrency ${CONCURRENCY}); ${result.cpus} cores`);
    mkdirSync(path.join(ROOT, "bench-results"), { recursive: true });
    writeFileSync(path.join(ROOT, "bench-results", "import-bench.json"), `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify(result, null, 2));
    await db().$disconnect();
    await closeDirectPools();
    if (done.status !== "DONE" || done.failed > 0) process.exitCode = 1;
  } finally {
    await stopDatabase();
    await rm(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
