/**
 * Live benchmark (issue: live). In a throwaway embedded database, behind a
 * `next start` of the existing production build, 50 signed-in readers follow
 * one article over Server-Sent Events (plain streaming fetch in Node, parsed
 * with lib/live/sse, in a process of their own: live-readers.ts) while 10
 * writers create 200 highlights through the API,
 * paced like people (each writer one every ~1 s with jitter, ~10 creates/s
 * in all; BENCH_PACE_MS=250 for a ~40/s stress run). Measures:
 *   - delivery latency, insert → receipt: the annotation's `createdAt`
 *     (stamped by the server just before the statement that stores the row,
 *     its event and the notification) to the moment a reader has parsed its
 *     event; an upper bound of commit → receipt. Same machine, same clock.
 *     Also send → receipt (from the writer starting its POST), the whole way round;
 *   - create-annotation latency under that load (client-side round trip);
 *   - correctness: every reader got every annotation once, in id order.
 * Everything (database, server, readers) stops by itself; bounded to 2 min.
 * BENCH_SERVER_LOGS=1 shows the server's output.
 *
 *   npm run build && npm run bench live     (or GLOSSA_DIST_DIR=<dir> for both, to keep a build aside)
 */
import { fork, type ChildProcess } from "node:child_process";
import { randomInt } from "node:crypto";
import { once } from "node:events";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { isPortFree } from "../db/embedded";
import { spawnNext } from "../next";
import { prepareDatabase, ROOT } from "../runtime";
import type { FromReaders, ToReaders } from "./live-readers";
import { benchCommand, percentile } from "./support";

const PORT = Number(process.env.BENCH_PORT ?? 3950);
const BASE = `http://127.0.0.1:${PORT}`;
const READERS = Number(process.env.BENCH_READERS ?? 50);
const WRITERS = Number(process.env.BENCH_WRITERS ?? 10);
const ANNOTATIONS = Number(process.env.BENCH_ANNOTATIONS ?? 200);
const PACE_MS = Number(process.env.BENCH_PACE_MS ?? 1000);
const DEADLINE_MS = 120_000;

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
  sentAt: number;
  createdAt: number;
}

async function writer(cookie: string, articleId: string, paragraphs: { id: string; text: string }[], count: number, created: Created[], roundTrips: number[], measure: boolean) {
  // Writers start at random moments, as people do, not all in the same millisecond.
  if (measure) await sleep(PACE_MS * Math.random());
  for (let index = 0; index < count; index++) {
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
      created.push({ id: annotation.id, sentAt, createdAt: Date.parse(annotation.createdAt) });
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
  let server: ReturnType<typeof spawnNext> | undefined;
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
    server = spawnNext(["start", "-p", String(PORT), "-H", "127.0.0.1"], { DATABASE_URL: database.url, BETTER_AUTH_URL: BASE, GLOSSA_PORT: String(PORT) }, process.env.BENCH_SERVER_LOGS ? "inherit" : "ignore");
    for (let attempt = 0; attempt < 300 && !(await fetch(`${BASE}/api/health`).then((r) => r.ok, () => false)); attempt++) await sleep(200);

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows: articles } = await client.query<{ id: string; revision: number }>(`SELECT id, revision FROM "Article" ORDER BY "createdAt" LIMIT 1`);
    const article = articles[0];
    if (!article) throw new Error("The seed created no article.");
    const { rows: paragraphs } = await client.query<{ id: string; text: string }>(
      `SELECT id, text FROM "Paragraph" WHERE "articleId" = $1 AND revision = $2 AND length(text) > 60 ORDER BY position`,
      [article.id, article.revision],
    );
    await client.end();

    const started = Date.now();
    const writerCookies: string[] = [];
    for (let index = 0; index < WRITERS; index++) writerCookies.push(await signUp(`Writer ${index + 1}`));
    const readerCookies = await Promise.all(Array.from({ length: READERS }, (_, index) => signUp(`Reader ${index + 1}`)));
    console.log(`Signed up ${WRITERS} writers and ${READERS} readers in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    // Warm-up: the first requests load the routes' code and warm the JIT; not measured.
    await Promise.all(writerCookies.map((cookie) => writer(cookie, article.id, paragraphs, 3, [], [], false)));

    const feed = `${BASE}/api/articles/${article.id}/events`;
    const readerProcess = fork(path.join(import.meta.dirname, "live-readers.ts"), [], { execArgv: ["--import", "tsx"], serialization: "advanced" });
    readers = readerProcess;
    const fromReaders = async <T extends FromReaders["type"]>(type: T) => {
      const [message] = (await Promise.race([once(readerProcess, "message"), sleep(20_000).then(() => [null])])) as [FromReaders | null];
      if (message?.type !== type) throw new Error(`The readers did not answer "${type}" within 20 s.`);
      return message as Extract<FromReaders, { type: T }>;
    };
    readerProcess.send({ type: "start", feed, cookies: readerCookies } satisfies ToReaders);
    await fromReaders("connected");
    console.log(`${READERS} readers connected; ${WRITERS} writers creating ${ANNOTATIONS} annotations …`);
    await sleep(1000); // let the 50 presence announcements settle

    const loadAtStart = os.loadavg()[0]!.toFixed(1);
    const created: Created[] = [];
    const roundTrips: number[] = [];
    const writeStart = Date.now();
    await Promise.all(
      writerCookies.map((cookie, index) => writer(cookie, article.id, paragraphs, Math.floor(ANNOTATIONS / WRITERS) + (index < ANNOTATIONS % WRITERS ? 1 : 0), created, roundTrips, true)),
    );
    const writeSeconds = (Date.now() - writeStart) / 1000;
    readerProcess.send({ type: "collect", ids: created.map((entry) => entry.id) } satisfies ToReaders);
    const receipts = (await fromReaders("receipts")).readers;

    const delivery: number[] = [];
    const endToEnd: number[] = [];
    let missing = 0;
    let duplicates = 0;
    let outOfOrder = 0;
    for (const reader of receipts) {
      for (const entry of created) {
        const receipts = reader.received.get(entry.id);
        if (!receipts) {
          missing++;
          continue;
        }
        if (receipts.length > 1) duplicates += receipts.length - 1;
        delivery.push(receipts[0]!.at - entry.createdAt);
        endToEnd.push(receipts[0]!.at - entry.sentAt);
      }
      for (let index = 1; index < reader.order.length; index++) if (reader.order[index]! <= reader.order[index - 1]!) outOfOrder++;
    }

    const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(10);
    const line = (name: string, values: number[], target = "") =>
      console.log(`${name.padEnd(40)}${ms(percentile(values, 50))}${ms(percentile(values, 95))}${ms(Math.max(...values))}  ${target}`);
    console.log(`\nLive benchmark — ${READERS} SSE readers, ${WRITERS} writers, ${created.length} annotations on one article in ${writeSeconds.toFixed(1)} s (${(created.length / writeSeconds).toFixed(0)}/s), ${os.cpus().length} cores`);
    console.log(`Command: ${benchCommand("live")}   (pace ${PACE_MS} ms per writer; load average at start ${loadAtStart})\n`);
    console.log(`${"".padEnd(40)}${"p50".padStart(10)}${"p95".padStart(10)}${"max".padStart(10)}`);
    line("Delivery, insert → receipt", delivery, "target p95 < 250 ms");
    line("Delivery, writer's send → receipt", endToEnd);
    line("Create annotation round trip", roundTrips, "target p95 < 50 ms");
    console.log(`\nReceipts ${delivery.length} of ${created.length * READERS}; missing ${missing}, duplicates ${duplicates}, out of order ${outOfOrder}`);
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
