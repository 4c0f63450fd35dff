import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import { ReconnectingFeed } from "./support/live-feed";
import { SAMPLE_PATH } from "./support/sample";
import { E2E_PORT } from "./support/urls";
import { newCredentials } from "./support/users";

/**
 * PostgreSQL restarts while two instances serve readers with open live feeds:
 * no process exits, /api/health answers 503 while it is down and 200 once it
 * is back, the feeds stay (or reconnect by Last-Event-ID, as a browser does),
 * and no change is lost — those written after the restart arrive on both
 * instances once their LISTEN connections are back.
 *
 * Its own database and instances (not the suite's shared ones, which other
 * specs use meanwhile).
 */

const ROOT = path.resolve(import.meta.dirname, "..");
const PORTS = [E2E_PORT + 4, E2E_PORT + 5];
const bases = PORTS.map((port) => `http://127.0.0.1:${port}`);
const SECRET = "live-restart-throwaway-secret-0123456789";

test.describe.configure({ mode: "serial" });
test.setTimeout(240_000);

/** The database helper process: `stop`, `start` and `exit` on its stdin, one answer line each. */
class Database {
  private lines: AsyncIterator<string>;
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    lines: AsyncIterator<string>,
  ) {
    this.lines = lines;
  }

  static async start(dataDir: string): Promise<Database> {
    const tsx = createRequire(import.meta.url).resolve("tsx/cli");
    const child = spawn(process.execPath, [tsx, "--conditions=react-server", "e2e/support/restartable-database.ts", dataDir], {
      cwd: ROOT,
      env: { ...process.env, ADMIN_EMAIL: "admin@restart.glossa.test", ADMIN_PASSWORD: "restart-admin-password", BETTER_AUTH_SECRET: SECRET },
      stdio: ["pipe", "pipe", "inherit"],
    });
    const lines = readline.createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
    const first = await lines.next();
    if (first.done) throw new Error("The database helper exited before it was ready.");
    return new Database(child, (JSON.parse(first.value) as { url: string }).url, lines);
  }

  async send(command: "stop" | "start" | "exit"): Promise<void> {
    this.child.stdin!.write(command + "\n");
    const answer = await this.lines.next();
    expect(answer.value).toBe({ stop: "stopped", start: "started", exit: "exited" }[command]);
  }
}

let dataDir: string;
let database: Database;
const servers: ChildProcess[] = [];
const exits: string[] = [];
let api: APIRequestContext;

test.beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "glossa-live-restart-"));
  database = await Database.start(dataDir);
  const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
  for (const [index, port] of PORTS.entries()) {
    const server = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: database.url, BETTER_AUTH_SECRET: SECRET, BETTER_AUTH_URL: bases[index]!, GLOSSA_PORT: String(port), NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "inherit", "inherit"],
    });
    server.on("exit", (code, signal) => exits.push(`instance ${index + 1} exited (${code ?? signal})`));
    servers.push(server);
  }
  for (const base of bases) await expect.poll(() => health(base), { timeout: 90_000 }).toBe(200);
  api = await playwrightRequest.newContext({ baseURL: bases[0] });
});

test.afterAll(async () => {
  for (const server of servers) server.kill("SIGTERM");
  await api?.dispose();
  await database?.send("exit").catch(() => {});
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function health(base: string): Promise<number> {
  return fetch(`${base}/api/health`).then(
    (response) => response.status,
    () => 0,
  );
}

test("a PostgreSQL restart: instances stay up, health goes 503 then 200, feeds lose nothing", async () => {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const { rows } = await client.query<{ articleId: string; paragraphId: string }>(
    `SELECT a.id AS "articleId", p.id AS "paragraphId" FROM "Article" a JOIN "Paragraph" p ON p."articleId" = a.id AND p.revision = a.revision
      WHERE a.slug = $1 ORDER BY p.position LIMIT 1`,
    [SAMPLE_PATH.split("/").at(-1)],
  );
  const last = await client.query<{ id: string | null }>(`SELECT max(id)::text AS id FROM "ArticleEvent"`);
  await client.end();
  const { articleId, paragraphId } = rows[0]!;

  const credentials = newCredentials("Restart");
  const signUp = await api.post("/api/auth/sign-up/email", { data: credentials, headers: { Origin: bases[0]! } });
  expect(signUp.status(), await signUp.text()).toBe(200);
  const writeNote = async (base: string, body: string) => {
    const response = await api.post(`${base}/api/articles/${articleId}/notes`, { data: { paragraphId, body, visibility: "SHARED" }, headers: { Origin: base } });
    expect(response.status(), await response.text()).toBe(201);
  };

  // Two readers on each instance.
  const feeds = bases.flatMap((base) => [0, 1].map(() => new ReconnectingFeed([base], articleId, last.rows[0]?.id ?? "0", 1000)));
  const before = `Before the restart ${Math.random().toString(36).slice(2, 8)}`;
  await writeNote(bases[0]!, before);
  for (const feed of feeds) await expect.poll(() => feed.noteBodies, { timeout: 15_000 }).toContain(before);

  await database.send("stop");
  for (const base of bases) await expect.poll(() => health(base), { timeout: 20_000 }).toBe(503);
  await database.send("start");
  for (const base of bases) await expect.poll(() => health(base), { timeout: 30_000 }).toBe(200);

  // Written as soon as the database answers, before the LISTEN connections are necessarily back.
  const after = [`After the restart, first ${Math.random().toString(36).slice(2, 8)}`, `After the restart, second ${Math.random().toString(36).slice(2, 8)}`];
  await writeNote(bases[1]!, after[0]!);
  await writeNote(bases[0]!, after[1]!);
  for (const feed of feeds) {
    await expect.poll(() => feed.noteBodies, { timeout: 30_000 }).toEqual(expect.arrayContaining([before, ...after]));
    // Each change once, in order.
    expect(feed.noteBodies.filter((body) => [before, ...after].includes(body))).toEqual([before, ...after]);
  }
  for (const feed of feeds) feed.stop();
  expect(exits).toEqual([]);
  for (const server of servers) expect(server.exitCode).toBeNull();
});
