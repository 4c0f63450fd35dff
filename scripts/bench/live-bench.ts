/**
 * Live benchmark (issue: live). In a throwaway embedded database, behind the
 * standalone server of the existing production build, 50 signed-in readers follow
 * one article over Server-Sent Events (bare TCP sockets in Node sending the feed's GET, the
 * HTTP response and lib/live/sse parsed afterwards, in a process of their own: live-readers.ts) while 10
 * writers create 200 highlights through the API,
 * paced like people (each writer one every ~1 s with jitter, ~10 creates/s
 * in all; BENCH_PACE_MS=250 for a ~40/s stress run). Measures:
 *   - delivery latency, insert → receipt: the annotation's `createdAt`
 *     (stamped by the server just before the statement that stores the row,
 *     its event and the notification) to the moment the bytes holding the event reached a
 *     reader (parsed afterwards); an upper bound of commit → receipt. Same machine, same clock.
 *     Split at the commit (the event's NOTIFY, heard on a LISTEN connection of the bench's
 *     own): insert → commit is the write, commit → receipt the feed, and per event its
 *     first and last reader's receipt (the fan-out);
 *     Also send → receipt (from the writer starting its POST), the whole way round;
 *   - create-annotation latency under that load (client-side round trip);
 *   - correctness: every reader got every annotation of its article once, in id order;
 *   - the server's memory per open feed: its resident set (from /proc) before the readers
 *     connect and with them all connected, the difference divided by the feeds.
 *   - CPU time (Linux /proc) while the writers wrote: the server's per 1,000 receipts, the
 *     database's per annotation written, and the readers' own (the harness shares the cores).
 * At ten times that (issue 14), readers anonymous (BENCH_ANONYMOUS=1: 500 sign-ups would take
 * the machine minutes, and an anonymous feed costs the server the same):
 *   BENCH_READERS=500 BENCH_WRITERS=20 BENCH_ANNOTATIONS=400 BENCH_ANONYMOUS=1 npm run bench live
 *   BENCH_ARTICLES=50 BENCH_READERS=10 BENCH_WRITERS=20 BENCH_ANNOTATIONS=400 BENCH_ANONYMOUS=1 npm run bench live
 * (BENCH_ARTICLES articles, copies of the sample, each with BENCH_READERS readers; every write
 * goes to a random one of them.)
 * Everything (database, server, readers) stops by itself; bounded to 5 min.
 * BENCH_SERVER_LOGS=1 shows the server's output.
 *
 *   npm run build && npm run bench live     (or GLOSSA_DIST_DIR=<dir> for both, to keep a build aside)
 */
import { fork, type ChildProcess } from "node:child_process";
import { randomInt } from "node:crypto";
import { once } from "node:events";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { isPortFree } from "../db/embedded";
import { prepareDatabase, ROOT } from "../runtime";
import { spawnStandalone } from "../standalone";
import type { FromReaders, ToReaders } from "./live-readers";
import { benchCommand, percentile } from "./support";

const PORT = Number(process.env.BENCH_PORT ?? 3950);
const BASE = `http://127.0.0.1:${PORT}`;
const READERS = Number(process.env.BENCH_READERS ?? 50);
const WRITERS = Number(process.env.BENCH_WRITERS ?? 10);
const ANNOTATIONS = Number(process.env.BENCH_ANNOTATIONS ?? 200);
const PACE_MS = Number(process.env.BENCH_PACE_MS ?? 1000);
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 1);
const ANONYMOUS = process.env.BENCH_ANONYMOUS === "1";
const DEADLINE_MS = 300_000;

/** The server's resident set in MB (Linux /proc), or NaN elsewhere. */
function rssMb(pid: number | undefined): number {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Number(kb) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/**
 * A process's /proc/<pid>/stat fields from the 3rd (state) on, after the command's ")": the 4th is
 * the parent's pid, the 14th to 17th its utime, stime, cutime and cstime in ticks (100 a second).
 */
function statFields(pid: number | undefined): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}

/**
 * The server's CPU time, user + system, in seconds (Linux /proc), or NaN elsewhere. On a machine
 * others load, latency measures their work too; the CPU the server spends per event delivered is its own.
 */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = statFields(pid);
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/**
 * The database's CPU time in seconds (Linux /proc, or NaN elsewhere): the postmaster's, that of the
 * backends it has reaped, and its live backends'. The writes' own cost (their statements and
 * triggers, the hub's reads) shows here, apart from the load others put on the machine.
 */
function databaseCpuSeconds(dataDir: string): number {
  try {
    const postmaster = Number(readFileSync(path.join(dataDir, "postgres", "postmaster.pid"), "utf8").split("\n")[0]);
    const own = statFields(postmaster);
    let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const fields = statFields(Number(entry));
        if (Number(fields[1]) === postmaster) ticks += Number(fields[11]) + Number(fields[12]);
      } catch {
        // gone meanwhile
      }
    }
    return ticks / 100;
  } catch {
    return NaN;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Each simulated client claims its own address: better-auth limits sign-ups per client IP. */
const clientAddress = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

async function signUp(label: string): Promise<string> {
  const suffix = Math.random().toString(36).slice(2, 10);
  const response = await fetch(`${BASE}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: BASE, "X-Forwarded-For": clientAddress() },
    body: JSON.stringify({ name: `${label} ${suffix}`, email: `${label.toLowerCase().replace(/\W+/g, "-")}-${suffix}@bench.glossa.test`, password: `pw-${suffix}-${suffix}` }),
  });
  if (!response.ok) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

interface Created {
  id: string;
  articleId: string;
  sentAt: number;
  createdAt: number;
}

interface BenchArticle {
  id: string;
  paragraphs: { id: string; text: string }[];
}

async function writer(cookie: string, articles: BenchArticle[], count: number, created: Created[], roundTrips: number[], measure: boolean) {
  // Writers start at random moments, as people do, not all in the same millisecond.
  if (measure) await sleep(PACE_MS * Math.random());
  for (let index = 0; index < count; index++) {
    const { id: articleId, paragraphs } = articles[randomInt(articles.length)]!;
    const paragraph = paragraphs[randomInt(paragraphs.length)]!;
    const start = randomInt(0, Math.max(1, paragraph.text.length - 40));
    const end = Math.min(paragraph.text.length, start + randomInt(5, 40));
    const body = {
      kind: "HIGHLIGHT",
      color: "blue",
      paragraphId: paragraph.id,
      start,
      end,
      exact: paragraph.text.slice(start, end),
      prefix: paragraph.text.slice(Math.max(0, start - 32), start),
      suffix: paragraph.text.slice(end, end + 32),
    };
    const sentAt = Date.now();
    const started = performance.now();
    const response = await fetch(`${BASE}/api/articles/${articleId}/annotations`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: BASE, Cookie: cookie },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    const elapsed = performance.now() - started;
    if (response.status !== 201) throw new Error(`create failed: ${response.status} ${text}`);
    const annotation = (JSON.parse(text) as { data: { id: string; createdAt: string } }).data;
    if (measure) {
      roundTrips.push(elapsed);
      created.push({ id: annotation.id, articleId, sentAt, createdAt: Date.parse(annotation.createdAt) });
    }
    // Paced with jitter, so writers do not march in lockstep.
    await sleep(PACE_MS * (0.5 + Math.random()));
  }
}

async function main() {
  const distDir = process.env.GLOSSA_DIST_DIR ?? ".next";
  if (!existsSync(path.join(ROOT, distDir, "BUILD_ID"))) throw new Error(`No production build in ${distDir}: run \`GLOSSA_DIST_DIR=${distDir} npx next build\` first.`);
  if (!(await isPortFree(PORT))) throw new Error(`Port ${PORT} is busy: set BENCH_PORT.`);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "glossa-live-bench-"));
  process.env.ADMIN_EMAIL = "bench@glossa.test";
  process.env.ADMIN_PASSWORD = "bench-password-123";
  process.env.BETTER_AUTH_SECRET = "bench-throwaway-secret-0123456789abcdefgh";
  process.env.GLOSSA_PORT = String(PORT);
  delete process.env.DATABASE_URL;
  let readers: ChildProcess | undefined;
  let server: ReturnType<typeof spawnStandalone> | undefined;
  let database: Awaited<ReturnType<typeof prepareDatabase>> | undefined;
  const cleanup = async () => {
    if (readers && readers.exitCode === null) {
      readers.kill();
      // Let the server see the readers go (it removes them from presence) while the database is still up.
      await sleep(500);
    }
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once("exit", resolve));
      server.kill("SIGTERM");
      await Promise.race([exited, sleep(5000)]);
    }
    await database?.embedded?.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
  const deadline = setTimeout(() => {
    console.error(`The benchmark took more than ${DEADLINE_MS / 1000} s: stopping.`);
    void cleanup().finally(() => process.exit(1));
  }, DEADLINE_MS);
  process.once("SIGINT", () => void cleanup().finally(() => process.exit(130)));

  try {
    database = await prepareDatabase({ dataDir, throwaway: true, log: () => {} });
    server = spawnStandalone({
      port: PORT,
      host: "127.0.0.1",
      env: { DATABASE_URL: database.url, BETTER_AUTH_URL: BASE, GLOSSA_PORT: String(PORT) },
      stdio: process.env.BENCH_SERVER_LOGS ? "inherit" : "ignore",
    });
    for (let attempt = 0; attempt < 300 && !(await fetch(`${BASE}/api/health`).then((r) => r.ok, () => false)); attempt++) await sleep(200);

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows: sample } = await client.query<{ id: string; revision: number }>(`SELECT id, revision FROM "Article" ORDER BY "createdAt" LIMIT 1`);
    if (!sample[0]) throw new Error("The seed created no article.");
    // More articles: copies of the sample (its current text), each its own feed.
    await client.query(
      `INSERT INTO "Article" (id, slug, title, language, source, "contentHash", revision, "createdAt", "updatedAt")
       SELECT 'bench-live-' || n, slug || '-bench-' || n, title || ' (' || n || ')', language, source, "contentHash", revision, now(), now()
         FROM "Article", generate_series(2, $2::int) AS n WHERE id = $1`,
      [sample[0].id, ARTICLES],
    );
    await client.query(
      `INSERT INTO "Paragraph" (id, "articleId", revision, position, kind, text)
       SELECT 'bench-live-' || n || '-' || p.position, 'bench-live-' || n, p.revision, p.position, p.kind, p.text
         FROM "Paragraph" p, generate_series(2, $3::int) AS n WHERE p."articleId" = $1 AND p.revision = $2`,
      [sample[0].id, sample[0].revision, ARTICLES],
    );
    const { rows: paragraphRows } = await client.query<{ articleId: string; id: string; text: string }>(
      `SELECT p."articleId", p.id, p.text FROM "Paragraph" p JOIN "Article" a ON a.id = p."articleId" AND a.revision = p.revision
        WHERE (a.id = $1 OR a.id LIKE 'bench-live-%') AND length(p.text) > 60 ORDER BY a.id, p.position`,
      [sample[0].id],
    );
    await client.end();
    const byArticle = new Map<string, BenchArticle>();
    for (const row of paragraphRows) {
      const entry = byArticle.get(row.articleId) ?? { id: row.articleId, paragraphs: [] };
      entry.paragraphs.push({ id: row.id, text: row.text });
      byArticle.set(row.articleId, entry);
    }
    const articles = [...byArticle.values()];
    if (articles.length !== ARTICLES) throw new Error(`Expected ${ARTICLES} articles, found ${articles.length}.`);

    const started = Date.now();
    const writerCookies: string[] = [];
    for (let index = 0; index < WRITERS; index++) writerCookies.push(await signUp(`Writer ${index + 1}`));
    const feeds = READERS * ARTICLES;
    const readerCookies = ANONYMOUS ? Array<string>(feeds).fill("") : await Promise.all(Array.from({ length: feeds }, (_, index) => signUp(`Reader ${index + 1}`)));
    console.log(`Signed up ${WRITERS} writers${ANONYMOUS ? "" : ` and ${feeds} readers`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    // Warm-up: the first requests load the routes' code and warm the JIT; not measured.
    await Promise.all(writerCookies.map((cookie) => writer(cookie, articles, 3, [], [], false)));

    const feedOf = (articleId: string) => `${BASE}/api/articles/${articleId}/events`;
    const readerProcess = fork(path.join(import.meta.dirname, "live-readers.ts"), [], { execArgv: ["--import", "tsx"], serialization: "advanced" });
    readers = readerProcess;
    // Hundreds of feeds take a while to open on a busy 2-core machine.
    const answerMs = 20_000 + feeds * 100;
    const fromReaders = async <T extends FromReaders["type"]>(type: T) => {
      const [message] = (await Promise.race([once(readerProcess, "message"), sleep(answerMs).then(() => [null])])) as [FromReaders | null];
      if (message?.type !== type) throw new Error(`The readers did not answer "${type}" within ${answerMs / 1000} s.`);
      return message as Extract<FromReaders, { type: T }>;
    };
    await sleep(1000);
    const rssBefore = rssMb(server.pid);
    readerProcess.send({ type: "start", readers: readerCookies.map((cookie, index) => ({ feed: feedOf(articles[index % ARTICLES]!.id), cookie })) } satisfies ToReaders);
    await fromReaders("connected");
    console.log(`${feeds} readers connected (${READERS} on each of ${ARTICLES} article${ARTICLES === 1 ? "" : "s"}); ${WRITERS} writers creating ${ANNOTATIONS} annotations …`);
    await sleep(2000); // let the presence announcements settle
    const rssWith = rssMb(server.pid);

    // When each event committed, as near as the outside can tell: its NOTIFY (sent on commit) heard on a
    // LISTEN connection of this process's own. Splits delivery into the write's part and the feed's part.
    const committedAt = new Map<string, number>();
    const listener = new pg.Client({ connectionString: database.url });
    await listener.connect();
    listener.on("notification", (message) => {
      const at = Date.now();
      if (message.channel !== "glossa_article_events" || !message.payload) return;
      committedAt.set((JSON.parse(message.payload) as { id: string }).id, at);
    });
    await listener.query(`LISTEN "glossa_article_events"`);

    const loadAtStart = os.loadavg()[0]!.toFixed(1);
    const created: Created[] = [];
    const roundTrips: number[] = [];
    const writeStart = Date.now();
    const cpuAtStart = cpuSeconds(server.pid);
    const databaseCpuAtStart = databaseCpuSeconds(dataDir);
    const readersCpuAtStart = cpuSeconds(readerProcess.pid);
    await Promise.all(
      writerCookies.map((cookie, index) => writer(cookie, articles, Math.floor(ANNOTATIONS / WRITERS) + (index < ANNOTATIONS % WRITERS ? 1 : 0), created, roundTrips, true)),
    );
    const writeSeconds = (Date.now() - writeStart) / 1000;
    const serverCpu = cpuSeconds(server.pid) - cpuAtStart;
    const databaseCpu = databaseCpuSeconds(dataDir) - databaseCpuAtStart;
    const readersCpu = cpuSeconds(readerProcess.pid) - readersCpuAtStart;
    const idsByFeed: Record<string, string[]> = {};
    for (const entry of created) (idsByFeed[feedOf(entry.articleId)] ??= []).push(entry.id);
    readerProcess.send({ type: "collect", ids: idsByFeed } satisfies ToReaders);
    const receipts = (await fromReaders("receipts")).readers;
    await listener.end();

    const delivery: number[] = [];
    const endToEnd: number[] = [];
    const insertToCommit: number[] = [];
    const commitToReceipt: number[] = [];
    // Per event: its first and its last reader's receipt after its commit (the spread is the fan-out: server writes and readers' reads).
    const firstLast = new Map<bigint, { first: number; last: number }>();
    for (const entry of created) {
      const eventId = receipts.find((reader) => reader.received.has(entry.id))?.received.get(entry.id)?.[0]?.eventId;
      const committed = eventId === undefined ? undefined : committedAt.get(eventId.toString());
      if (committed !== undefined) insertToCommit.push(committed - entry.createdAt);
    }
    let missing = 0;
    let duplicates = 0;
    let outOfOrder = 0;
    let expected = 0;
    for (const [index, reader] of receipts.entries()) {
      const articleId = articles[index % ARTICLES]!.id;
      for (const entry of created) {
        if (entry.articleId !== articleId) continue;
        expected++;
        const receipts = reader.received.get(entry.id);
        if (!receipts) {
          missing++;
          continue;
        }
        if (receipts.length > 1) duplicates += receipts.length - 1;
        delivery.push(receipts[0]!.at - entry.createdAt);
        endToEnd.push(receipts[0]!.at - entry.sentAt);
        const committed = committedAt.get(receipts[0]!.eventId.toString());
        if (committed !== undefined) {
          const after = receipts[0]!.at - committed;
          commitToReceipt.push(after);
          const span = firstLast.get(receipts[0]!.eventId);
          if (!span) firstLast.set(receipts[0]!.eventId, { first: after, last: after });
          else {
            span.first = Math.min(span.first, after);
            span.last = Math.max(span.last, after);
          }
        }
      }
      for (let index = 1; index < reader.order.length; index++) if (reader.order[index]! <= reader.order[index - 1]!) outOfOrder++;
    }

    const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(10);
    const line = (name: string, values: number[], target = "") =>
      console.log(`${name.padEnd(40)}${ms(percentile(values, 50))}${ms(percentile(values, 95))}${ms(percentile(values, 100))}  ${target}`);
    console.log(
      `\nLive benchmark — ${feeds} ${ANONYMOUS ? "anonymous" : "signed-in"} SSE readers (${READERS} on each of ${ARTICLES} article${ARTICLES === 1 ? "" : "s"}), ${WRITERS} writers, ${created.length} annotations in ${writeSeconds.toFixed(1)} s (${(created.length / writeSeconds).toFixed(0)}/s), ${os.cpus().length} cores`,
    );
    console.log(`Command: ${benchCommand("live")}   (pace ${PACE_MS} ms per writer; load average at start ${loadAtStart})\n`);
    console.log(`${"".padEnd(40)}${"p50".padStart(10)}${"p95".padStart(10)}${"max".padStart(10)}`);
    line("Delivery, insert → receipt", delivery, feeds > 50 ? "target p95 < 100 ms" : "target p95 < 250 ms");
    line("Delivery, writer's send → receipt", endToEnd);
    line("Create annotation round trip", roundTrips, "target p95 < 50 ms");
    console.log("Where delivery's time goes (commit = the event's NOTIFY heard by this process):");
    line("  insert → commit", insertToCommit);
    line("  commit → receipt", commitToReceipt);
    // Ids are taken before commit, and the feed delivers in id order: an event waits for every lower id to commit.
    const ids = [...committedAt.keys()].map(BigInt).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const allBelowCommitted = new Map<bigint, number>();
    let latest = 0;
    for (const id of ids) allBelowCommitted.set(id, (latest = Math.max(latest, committedAt.get(id.toString())!)));
    const waits: number[] = [];
    const afterAll: number[] = [];
    for (const [id, span] of firstLast) {
      const own = committedAt.get(id.toString())!;
      const all = allBelowCommitted.get(id)!;
      waits.push(all - own);
      afterAll.push(span.first - (all - own));
    }
    line("  commit → every lower id committed", waits);
    line("  every lower id committed → first receipt", afterAll);
    line("  commit → an event's first receipt", [...firstLast.values()].map((span) => span.first));
    line("  commit → an event's last receipt", [...firstLast.values()].map((span) => span.last));
    console.log(`\nReceipts ${delivery.length} of ${expected}; missing ${missing}, duplicates ${duplicates}, out of order ${outOfOrder}`);
    const perFeedKb = ((rssWith - rssBefore) * 1024) / feeds;
    console.log(`Server memory: RSS ${rssBefore.toFixed(0)} MB before the readers, ${rssWith.toFixed(0)} MB with ${feeds} feeds open: ${perFeedKb.toFixed(0)} KB per feed`);
    console.log(
      `Server CPU while the writers wrote: ${serverCpu.toFixed(1)} s in ${writeSeconds.toFixed(1)} s (${((serverCpu / writeSeconds) * 100).toFixed(0)}% of one core), ` +
        `${((serverCpu * 1000 * 1000) / Math.max(1, delivery.length)).toFixed(1)} ms per 1,000 receipts`,
    );
    console.log(
      `Database CPU meanwhile: ${databaseCpu.toFixed(1)} s (${((databaseCpu / writeSeconds) * 100).toFixed(0)}% of one core), ` +
        `${((databaseCpu * 1000) / Math.max(1, created.length)).toFixed(1)} ms per annotation written (its statement, triggers, the hub's reads)`,
    );
    // The harness shares the cores: what its readers spend on receiving is taken from the server.
    console.log(`Readers' CPU meanwhile (the harness): ${readersCpu.toFixed(1)} s, ${((readersCpu * 1000 * 1000) / Math.max(1, delivery.length)).toFixed(1)} ms per 1,000 receipts`);
    if (missing || duplicates || outOfOrder) process.exitCode = 1;
  } finally {
    clearTimeout(deadline);
    await cleanup();
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
