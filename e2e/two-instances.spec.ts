import type { ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { expect, request as playwrightRequest, test } from "@playwright/test";
import pg from "pg";
import { spawnStandalone } from "@/scripts/standalone";
import { ReconnectingFeed } from "./support/live-feed";
import { SAMPLE_PATH } from "./support/sample";
import { E2E_BASE_URL, E2E_PORT, E2E_SECOND_BASE_URL } from "./support/urls";
import { newCredentials } from "./support/users";

/**
 * Instances behind a load balancer: a third instance of the standalone build joins the suite's two
 * on their database (through PgBouncer in CI's .ci/pgbouncer.sh run), serves live readers and
 * requests, and is stopped with SIGTERM as an orchestrator would. At once its health check answers
 * 503 and it closes its live feeds, whose readers reconnect to another instance (which gives them
 * everything written meanwhile, once and in order); it serves what the balancer still sends for the
 * drain time, then stops accepting, answers every request in flight, and exits.
 */

const ROOT = path.resolve(import.meta.dirname, "..");
const PORT = E2E_PORT + 6;
const BASE = `http://127.0.0.1:${PORT}`;
/** How long the instance keeps accepting after SIGTERM (GLOSSA_SHUTDOWN_DRAIN_MS; 3 s by default). */
const DRAIN_MS = 5000;

test.setTimeout(240_000);

/** A GET whose connection is open (accepted by the server) when this resolves; `answer` settles with its status or the error. */
async function inFlightGet(url: string): Promise<{ answer: Promise<number | string> }> {
  let connected!: () => void;
  const accepted = new Promise<void>((resolve) => (connected = resolve));
  const answer = new Promise<number | string>((resolve) => {
    const request = http.get(url, { agent: false }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
      response.on("error", (error) => resolve(error.message));
    });
    request.on("socket", (socket) => socket.once("connect", connected));
    request.on("error", (error) => {
      connected();
      resolve(error.message);
    });
  });
  await accepted;
  return { answer };
}

async function health(base: string): Promise<number> {
  return fetch(`${base}/api/health`).then(
    (response) => response.status,
    () => 0, // refused
  );
}

test("SIGTERM: health 503 and live feeds closed at once (readers resume on another instance), requests in flight answered, then it stops accepting and exits", async () => {
  // The suite's database (scripts/e2e-server.ts hands it to its second instance the same way).
  const handoff = JSON.parse(readFileSync(path.join(ROOT, ".test-data", `e2e-database-${E2E_PORT}.json`), "utf8")) as { url: string; authSecret: string };
  const client = new pg.Client({ connectionString: handoff.url });
  await client.connect();
  const { rows } = await client.query<{ articleId: string; paragraphId: string }>(
    `SELECT a.id AS "articleId", p.id AS "paragraphId" FROM "Article" a JOIN "Paragraph" p ON p."articleId" = a.id AND p.revision = a.revision
      WHERE a.slug = $1 ORDER BY p.position LIMIT 1`,
    [SAMPLE_PATH.split("/").at(-1)],
  );
  const last = await client.query<{ id: string | null }>(`SELECT coalesce(max(id), 0)::text AS id FROM "ArticleEvent"`);
  await client.end();
  const { articleId, paragraphId } = rows[0]!;

  const output: string[] = [];
  const server: ChildProcess = spawnStandalone({
    port: PORT,
    host: "127.0.0.1",
    env: { DATABASE_URL: handoff.url, BETTER_AUTH_SECRET: handoff.authSecret, BETTER_AUTH_URL: BASE, GLOSSA_PORT: String(PORT), GLOSSA_SHUTDOWN_DRAIN_MS: String(DRAIN_MS) },
    stdio: "pipe",
  });
  server.stdout!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  server.stderr!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    server.once("exit", (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  const api = await playwrightRequest.newContext();
  const feeds: ReconnectingFeed[] = [];
  try {
    await expect.poll(() => health(BASE), { timeout: 150_000 }).toBe(200);

    // A writer on the suite's second instance; three readers on the new one, whose fallback is the first.
    const credentials = newCredentials("Drain");
    const signUp = await api.post(`${E2E_SECOND_BASE_URL}/api/auth/sign-up/email`, { data: credentials, headers: { Origin: E2E_SECOND_BASE_URL } });
    expect(signUp.status(), await signUp.text()).toBe(200);
    const writeNote = async (body: string) => {
      const response = await api.post(`${E2E_SECOND_BASE_URL}/api/articles/${articleId}/notes`, {
        data: { paragraphId, body, visibility: "SHARED" },
        headers: { Origin: E2E_SECOND_BASE_URL },
      });
      expect(response.status(), await response.text()).toBe(201);
    };
    feeds.push(...[0, 1, 2].map(() => new ReconnectingFeed([BASE, E2E_BASE_URL], articleId, last.rows[0]!.id!, 500)));
    const before = `Before the drain ${Math.random().toString(36).slice(2, 8)}`;
    await writeNote(before);
    for (const feed of feeds) await expect.poll(() => feed.noteBodies, { timeout: 15_000 }).toContain(before);
    for (const feed of feeds) expect(feed.servedBy).toEqual([BASE]);

    // Requests whose connections the instance has accepted, then SIGTERM.
    const inFlight = await Promise.all(Array.from({ length: 8 }, () => inFlightGet(`${BASE}${SAMPLE_PATH}`)));
    const signalledAt = Date.now();
    server.kill("SIGTERM");

    // At once: the health check says it is stopping, for the load balancer ...
    await expect.poll(() => health(BASE), { timeout: DRAIN_MS - 1_000 }).toBe(503);
    // ... and the feeds are closed by the instance (it does not wait for their readers to leave).
    for (const feed of feeds) await expect.poll(() => feed.firstEnd, { timeout: DRAIN_MS - 1_000 }).not.toBeNull();
    // Every request in flight is answered in full, and those the balancer sent meanwhile too.
    const meanwhile = await inFlightGet(`${BASE}${SAMPLE_PATH}`);
    expect(await Promise.all([...inFlight, meanwhile].map((request) => request.answer))).toEqual(Array(9).fill(200));
    // After the drain it accepts no connection, and it exits by itself, well within an orchestrator's grace period.
    await expect.poll(() => health(BASE), { timeout: DRAIN_MS + 10_000 }).toBe(0);
    const exit = await exited;
    expect(exit.at - signalledAt).toBeLessThan(DRAIN_MS + 20_000);
    expect(output.join("")).toContain("SIGTERM: closed 3 live feeds");

    // Written while the readers were moving: each arrives once, in order, from the other instance.
    const during = `During the drain ${Math.random().toString(36).slice(2, 8)}`;
    await writeNote(during);
    const after = `After the drain ${Math.random().toString(36).slice(2, 8)}`;
    await writeNote(after);
    for (const feed of feeds) {
      await expect.poll(() => feed.noteBodies, { timeout: 15_000 }).toContain(after);
      expect(feed.noteBodies.filter((body) => [before, during, after].includes(body))).toEqual([before, during, after]);
      expect(feed.servedBy.at(-1)).toBe(E2E_BASE_URL);
    }
  } finally {
    for (const feed of feeds) feed.stop();
    if (server.exitCode === null && server.signalCode === null) server.kill("SIGKILL");
    await api.dispose();
  }
});
