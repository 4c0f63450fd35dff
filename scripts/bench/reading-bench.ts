/**
 * Reading throughput benchmark (issue 14, target 1). Serves a production build on a throwaway
 * database seeded with the sample article, then loads with autocannon (10 connections × 8 s
 * each, one route after another, in ONE run so the ratios compare like with like):
 *   - a static file (/icon.svg): the ceiling of this server on this machine,
 *   - /api/health,
 *   - the library (/),
 *   - the sample article as an anonymous visitor,
 *   - the sample article signed in (the admin's session cookie),
 *   - the same article's annotations API, and a revalidation answered 304 (If-None-Match).
 * The whole sequence runs BENCH_ROUNDS times (default 3): on a shared, noisy machine a route
 * measured alone may meet a burst of someone else's load, so each round's ratios compare routes
 * measured a minute apart, and the medians over rounds are printed: req/s, p50 and p99 latency
 * per route, and each route's throughput as a ratio to the static file's (targets: anonymous
 * within 3×, signed-in within 5×, p99 < 100 ms).
 *
 *   npm run bench reading
 *
 * Makes a production build first (into GLOSSA_DIST_DIR, default `.next`) unless BENCH_SKIP_BUILD=1
 * and a build is there. GLOSSA_NEXT_NODE_ARGS (e.g. `--cpu-prof`) applies to the server only. BENCH_DURATION (seconds, default 8) and
 * BENCH_CONNECTIONS (default 10) change the load; BENCH_PORT the port. BENCH_ROUTES (names' words, comma
 * separated, e.g. `anonymous`) measures only those routes beside the static file: a CPU profile of one route.
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import pg from "pg";
import { runNext } from "../next";
import { stopChild } from "../process";
import { prepareDatabase, ROOT } from "../runtime";
import { isPortFree } from "../db/embedded";
import { spawnStandalone } from "../standalone";
import { benchCommand, median } from "./support";

const PORT = Number(process.env.BENCH_PORT ?? 3910);
const BASE = `http://127.0.0.1:${PORT}`;
const DURATION = Number(process.env.BENCH_DURATION ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const DIST_DIR = process.env.GLOSSA_DIST_DIR ?? ".next";
const ADMIN_EMAIL = "bench-reading@glossa.local";
const ADMIN_PASSWORD = "bench-reading-password";
const AUTH_SECRET = "bench-reading-secret-0123456789abcdefghijkl";

/** What autocannon reports that this benchmark prints (it ships no types). */
interface CannonResult {
  requests: { average: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodeStats?: Record<string, { count: number }>;
}
type Cannon = (options: { url: string; connections: number; duration: number; headers?: Record<string, string> }) => Promise<CannonResult>;
const autocannon = createRequire(import.meta.url)("autocannon") as Cannon;

interface Route {
  name: string;
  path: string;
  headers?: Record<string, string>;
  /** The status every answer must have (200 unless given): a route answering errors fast is no result. */
  status?: number;
}

async function waitForServer(): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("The server did not start within 2 minutes.");
}

async function signIn(): Promise<string> {
  const response = await fetch(`${BASE}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: BASE },
    body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
  });
  if (!response.ok) throw new Error(`Sign-in failed: ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

async function sampleArticle(url: string): Promise<{ id: string; slug: string }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; slug: string }>(`SELECT id, slug FROM "Article" ORDER BY "createdAt" LIMIT 1`);
    if (!rows[0]) throw new Error("The seed made no article.");
    return rows[0];
  } finally {
    await client.end();
  }
}

async function load(route: Route): Promise<CannonResult> {
  const result = await autocannon({ url: `${BASE}${route.path}`, connections: CONNECTIONS, duration: DURATION, headers: route.headers });
  const expected = String(route.status ?? 200);
  const wrong = Object.entries(result.statusCodeStats ?? {}).filter(([code]) => code !== expected);
  if (result.errors || result.timeouts || wrong.length) {
    throw new Error(`${route.name}: ${result.errors} errors, ${result.timeouts} timeouts, statuses ${JSON.stringify(result.statusCodeStats)} (expected all ${expected})`);
  }
  return result;
}

async function main() {
  if (!(await isPortFree(PORT))) throw new Error(`Port ${PORT} is in use: set BENCH_PORT.`);
  if (process.env.BENCH_SKIP_BUILD !== "1" || !existsSync(path.join(ROOT, DIST_DIR, "BUILD_ID"))) {
    console.log(`Building into ${DIST_DIR}…`);
    const serverArgs = process.env.GLOSSA_NEXT_NODE_ARGS;
    delete process.env.GLOSSA_NEXT_NODE_ARGS;
    await runNext(["build"]);
    if (serverArgs !== undefined) process.env.GLOSSA_NEXT_NODE_ARGS = serverArgs;
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "glossa-bench-reading-"));
  process.env.ADMIN_EMAIL = ADMIN_EMAIL;
  process.env.ADMIN_PASSWORD = ADMIN_PASSWORD;
  // The seed creates the admin through better-auth, which needs the secret the server will use.
  process.env.BETTER_AUTH_SECRET ??= AUTH_SECRET;
  const database = await prepareDatabase({ dataDir, throwaway: true, log: () => {} });
  // The server as deployed (and as `npm start` runs it): Next's standalone output.
  const server = spawnStandalone({ port: PORT, host: "127.0.0.1", env: { DATABASE_URL: database.url, BETTER_AUTH_URL: BASE }, stdio: "ignore" });
  try {
    await waitForServer();
    const article = await sampleArticle(database.url);
    const cookie = await signIn();
    const reader = `/articles/${encodeURIComponent(article.slug)}`;
    const annotations = `/api/articles/${article.id}/annotations`;
    const etag = (await fetch(`${BASE}${annotations}`)).headers.get("etag");
    const routes: Route[] = [
      { name: "static file /icon.svg", path: "/icon.svg" },
      { name: "/api/health", path: "/api/health" },
      { name: "library /", path: "/" },
      { name: "article, anonymous", path: reader },
      { name: "article, signed in", path: reader, headers: { cookie } },
      { name: "annotations API, anonymous", path: annotations },
      ...(etag ? [{ name: "annotations API, 304", path: annotations, headers: { "if-none-match": etag }, status: 304 }] : []),
    ];
    const only = process.env.BENCH_ROUTES?.split(",").map((word) => word.trim()).filter(Boolean);
    if (only?.length) routes.splice(1, routes.length, ...routes.slice(1).filter((route) => only.some((word) => route.name.includes(word))));
    // Warm every route first (compilation of lazy modules, caches, connection pools).
    for (const route of routes) await autocannon({ url: `${BASE}${route.path}`, connections: 2, duration: 1, headers: route.headers });
    // rounds[r][i]: route i in round r.
    const rounds: CannonResult[][] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const results: CannonResult[] = [];
      for (const route of routes) results.push(await load(route));
      rounds.push(results);
    }
    const ratio = (i: number, round: CannonResult[]) => round[0]!.requests.average / round[i]!.requests.average;
    const row = (i: number) => ({
      rate: median(rounds.map((round) => round[i]!.requests.average)),
      p50: median(rounds.map((round) => round[i]!.latency.p50)),
      p99: median(rounds.map((round) => round[i]!.latency.p99)),
      ratio: median(rounds.map((round) => ratio(i, round))),
      ratios: rounds.map((round) => ratio(i, round)),
    });
    console.log(`\nReading throughput, ${CONNECTIONS} connections × ${DURATION} s per route, medians of ${ROUNDS} rounds, sample article (${article.slug}):\n`);
    console.log(`${"route".padEnd(30)} ${"req/s".padStart(8)} ${"p50 ms".padStart(7)} ${"p99 ms".padStart(7)} ${"static ÷ route".padStart(15)}  (each round)`);
    routes.forEach((route, i) => {
      const { rate, p50, p99, ratio: r, ratios } = row(i);
      console.log(`${route.name.padEnd(30)} ${rate.toFixed(0).padStart(8)} ${p50.toFixed(0).padStart(7)} ${p99.toFixed(0).padStart(7)} ${`${r.toFixed(2)}×`.padStart(15)}  (${ratios.map((x) => x.toFixed(2)).join(", ")})`);
    });
    const anonymous = routes.findIndex((route) => route.name === "article, anonymous");
    const signedIn = routes.findIndex((route) => route.name === "article, signed in");
    if (anonymous >= 0 && signedIn >= 0) {
      const [a, s] = [row(anonymous), row(signedIn)];
      console.log(`\nTargets: anonymous ${a.ratio.toFixed(2)}× (≤ 3×), signed in ${s.ratio.toFixed(2)}× (≤ 5×), p99 ${a.p99} / ${s.p99} ms (< 100 ms)`);
    }
    console.log(`\n${benchCommand("reading")}`);
  } finally {
    await stopChild(server);
    await database.embedded?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
