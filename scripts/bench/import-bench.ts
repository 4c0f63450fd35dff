/**
 * Bulk import benchmark: generates N articles (default 10,000, ~25 MB of JSON Lines), then runs
 * the real bulk pipeline against a throwaway embedded PostgreSQL: upload + check (streamed from
 * disk, as the route streams the request body), then the background import (stretches of up to
 * 1,000 articles, new articles 25 to a statement), its progress every 5 s with the time so far. Prints, per phase, wall time, the CPU seconds of Node and of PostgreSQL (on a
 * shared machine the wall time mostly says how busy the others were), peak memory and the load
 * average, checks that every article reached the search and quote queues, and writes it all to
 * bench-results/import-bench.json.
 *
 *   npx tsx --conditions=react-server scripts/bench/import-bench.ts [--articles 10000] [--concurrency 4]
 *   BENCH_ARTICLES=100000 npm run bench import     (ten times: ~270 MB, over the default 200 MB bulk
 *                                                   limit, which the run raises to the file's size)
 *
 * Never touches the developer's database: DATABASE_URL is ignored.
 */
import { createReadStream, createWriteStream, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { constants, PerformanceObserver } from "node:perf_hooks";
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

/**
 * Samples memory every 250 ms (a sample costs about a millisecond); returns the peaks seen between start() and stop(), and the
 * largest heap that survived a full (mark-compact) collection, which is what "flat" is about:
 * garbage V8 has not collected yet is not held memory. The collections are V8's own, observed,
 * not forced: a forced full collection every second cost the import ~10% of its time.
 */
function memoryProbe() {
  let rss = 0;
  let heap = 0;
  let retained = 0;
  let timer: ReturnType<typeof setInterval> | undefined;
  const sample = () => {
    const usage = process.memoryUsage();
    rss = Math.max(rss, usage.rss);
    heap = Math.max(heap, usage.heapUsed);
  };
  const collections = new PerformanceObserver((list) => {
    if (list.getEntries().some((entry) => (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR)) {
      retained = Math.max(retained, process.memoryUsage().heapUsed);
    }
  });
  return {
    start() {
      rss = 0;
      heap = 0;
      retained = 0;
      sample();
      timer = setInterval(sample, 250);
      collections.observe({ entryTypes: ["gc"] });
    },
    stop() {
      clearInterval(timer);
      collections.disconnect();
      sample();
      const mb = (bytes: number) => Math.round(bytes / 1048576);
      return { peakRssMb: mb(rss), peakHeapMb: mb(heap), peakHeapAfterFullGcMb: mb(retained) };
    },
  };
}

const TICKS_PER_SECOND = 100; // USER_HZ, on Linux

/** CPU seconds (user + system) used by a process, with its reaped children when `withChildren`. */
function processCpuSeconds(pid: number, withChildren: boolean): number {
  try {
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /s, "").split(" ");
    const [utime, stime, cutime, cstime] = [11, 12, 13, 14].map((index) => Number(fields[index]));
    return (utime! + stime! + (withChildren ? cutime! + cstime! : 0)) / TICKS_PER_SECOND;
  } catch {
    return 0; // exited meanwhile: its time is in its parent's reaped children
  }
}

/**
 * CPU seconds the embedded PostgreSQL has used so far: the postmaster with every backend it has
 * reaped, plus the ones alive. Wall time on a shared machine says how busy the others were;
 * CPU time says what the import cost.
 */
function postgresCpuSeconds(postmaster: number): number {
  if (process.platform !== "linux") return Number.NaN;
  let seconds = processCpuSeconds(postmaster, true);
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (parentPid(Number(entry)) === postmaster) seconds += processCpuSeconds(Number(entry), false);
    } catch {
      // exited meanwhile
    }
  }
  return seconds;
}

const parentPid = (pid: number) => Number(readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /s, "").split(" ")[1]);

/** Node's own CPU seconds (this process). */
const nodeCpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

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
    // The postmaster: the parent of this connection's backend.
    const backend = (await db().$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS "pid"`)[0]!.pid;
    const postmaster = process.platform === "linux" ? parentPid(backend) : 0;
    const cpu = () => ({ node: nodeCpuSeconds(), postgres: postgresCpuSeconds(postmaster) });
    const spent = (since: { node: number; postgres: number }) => {
      const now = cpu();
      return { nodeCpuSeconds: Math.round((now.node - since.node) * 10) / 10, postgresCpuSeconds: Math.round((now.postgres - since.postgres) * 10) / 10 };
    };
    const loadAverage = () => os.loadavg().map((load) => Math.round(load * 10) / 10);
    const loadBefore = loadAverage();
    memory.start();
    let cpuBefore = cpu();
    let started = performance.now();
    const job = await createImportJob({ actor: admin, fileName: "bench.jsonl", contentLength: bytes, body: createReadStream(file, { highWaterMark: 64 * 1024 }) });
    const checkSeconds = (performance.now() - started) / 1000;
    const checkMemory = memory.stop();
    const checkCpu = spent(cpuBefore);
    log(`Upload + check: ${checkSeconds.toFixed(1)} s (CPU: Node ${checkCpu.nodeCpuSeconds} s, PostgreSQL ${checkCpu.postgresCpuSeconds} s), ${job.valid.toLocaleString("en-US")} valid of ${job.total.toLocaleString("en-US")}, peak RSS ${checkMemory.peakRssMb} MB`);

    memory.start();
    cpuBefore = cpu();
    started = performance.now();
    await startImportJob({ actor: admin, jobId: job.id });
    let last = 0;
    const progress = setInterval(async () => {
      const row = await db().importJob.findUnique({ where: { id: job.id }, select: { processed: true } });
      if (row && row.processed !== last) {
        last = row.processed;
        // With the time since the import started: whether the cost per 1,000 articles grows with the tables.
        log(`  ${row.processed.toLocaleString("en-US")} / ${job.total.toLocaleString("en-US")} at ${((performance.now() - started) / 1000).toFixed(1)} s (load ${os.loadavg()[0]!.toFixed(1)})`);
      }
    }, 5000);
    await runImportJob(job.id, { concurrency: CONCURRENCY });
    clearInterval(progress);
    const importSeconds = (performance.now() - started) / 1000;
    const importMemory = memory.stop();
    const importCpu = spent(cpuBefore);
    const done = await db().importJob.findUniqueOrThrow({ where: { id: job.id }, select: { status: true, processed: true, created: true, revised: true, unchanged: true, failed: true } });
    const stored = await db().article.count();
    const paragraphs = await db().paragraph.count();
    // Every new article must reach the background workers (no app instance runs them here).
    const queued = {
      searchIndex: await db().searchIndexQueue.count({ where: { source: "Article" } }),
      quoteFinder: await db().quoteFinderQueue.count(),
      paragraphsWithoutVector: Number((await db().$queryRaw<{ count: bigint }[]>`SELECT count(*) AS "count" FROM "Paragraph" WHERE "searchVector" IS NULL`)[0]!.count),
    };

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
      loadAverage: { before: loadBefore, after: loadAverage() },
      check: { ...checkCpu, ...checkMemory },
      import: { ...importCpu, ...importMemory },
      job: done,
      storedArticles: stored,
      storedParagraphs: paragraphs,
      queued,
    };
    log(`Import: ${importSeconds.toFixed(1)} s (${result.articlesPerSecond} articles/s; CPU: Node ${importCpu.nodeCpuSeconds} s, PostgreSQL ${importCpu.postgresCpuSeconds} s), status ${done.status}, ${done.created} created, ${done.failed} failed, peak RSS ${importMemory.peakRssMb} MB`);
    log(`Total: ${result.totalSeconds} s for ${result.fileMb} MB (target: under ${ARTICLES > 10_000 ? "180" : "60"} s); load average ${result.loadAverage.before.join(" ")} before, ${result.loadAverage.after.join(" ")} after`);
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
