/**
 * The end-to-end suite's server: a throwaway embedded PostgreSQL (never the
 * developer's .data/), migrated and seeded, behind the standalone production
 * server (scripts/standalone.ts). `--second` starts another instance on the
 * next port, sharing the first one's database.
 *
 * GLOSSA_E2E_DATABASE_URL runs the suite on that (empty) database instead of an embedded one:
 * CI's PgBouncer run (.ci/pgbouncer.sh) points it at PgBouncer and GLOSSA_LISTEN_DATABASE_URL
 * at PostgreSQL itself.
 */
import { existsSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { lookup } from "node:dns/promises";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import { prepareDatabase, ROOT } from "./runtime";
import { prepareStandalone, spawnStandalone } from "./standalone";
import { E2E_PORT } from "../e2e/support/urls";
import { E2E_ADMIN } from "../e2e/support/accounts";
import { isProcessAlive, stopChild } from "./process";

const E2E_AUTH_SECRET = "e2e-throwaway-secret-0123456789abcdefghij";
const second = process.argv.includes("--second");
const HANDOFF = path.join(ROOT, ".test-data", `e2e-database-${E2E_PORT}.json`);
const port = second ? E2E_PORT + 1 : E2E_PORT;
const log = (message: string) => console.log(`[e2e${second ? ":2" : ""}] ${message}`);

interface Handoff {
  url: string;
  authSecret: string;
  pid: number;
}

async function main() {
  delete process.env.DATABASE_URL;
  if (process.env.GLOSSA_E2E_DATABASE_URL) process.env.DATABASE_URL = process.env.GLOSSA_E2E_DATABASE_URL;
  let cleanup = async () => {};
  let handoff: Handoff;
  if (second) {
    handoff = await waitForHandoff();
  } else {
    rmSync(HANDOFF, { force: true });
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "glossa-e2e-"));
    process.env.ADMIN_EMAIL = E2E_ADMIN.email;
    process.env.ADMIN_PASSWORD = E2E_ADMIN.password;
    process.env.BETTER_AUTH_SECRET = E2E_AUTH_SECRET;
    process.env.GLOSSA_PORT = String(port);
    const database = await prepareDatabase({ dataDir, throwaway: true, log });
    prepareStandalone(); // before the handoff: the second instance then finds the static files in place
    handoff = { url: database.url, authSecret: E2E_AUTH_SECRET, pid: process.pid };
    mkdirSync(path.dirname(HANDOFF), { recursive: true });
    writeFileSync(HANDOFF, JSON.stringify(handoff));
    cleanup = async () => {
      rmSync(HANDOFF, { force: true });
      await database.embedded?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    };
  }

  const server: ChildProcess = spawnStandalone({
    port,
    host: second ? await hostNamedAsNpmStart() : "127.0.0.1",
    env: { DATABASE_URL: handoff.url, BETTER_AUTH_SECRET: handoff.authSecret, BETTER_AUTH_URL: `http://127.0.0.1:${port}`, GLOSSA_PORT: String(port) },
  });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await stopChild(server, 5000); // drained before its database stops
    await cleanup();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
  server.on("exit", () => void stop());
}

/**
 * The second instance is started by the name `npm start` uses, "localhost", and the first by its
 * address: Next rewrites the page cache's request within the process only when the server was
 * started by the name it gives itself ("localhost"), and over loopback otherwise (proxy.ts), so
 * the suite passes through both ways. Its clients connect to 127.0.0.1, so where "localhost" is
 * another address (::1 first), this instance keeps 127.0.0.1.
 */
async function hostNamedAsNpmStart(): Promise<string> {
  const { address } = await lookup("localhost");
  return address === "127.0.0.1" ? "localhost" : "127.0.0.1";
}

async function waitForHandoff(): Promise<Handoff> {
  for (let waited = 0; waited < 180_000; waited += 200) {
    if (existsSync(HANDOFF)) {
      const handoff = JSON.parse(readFileSync(HANDOFF, "utf8")) as Handoff;
      if (isProcessAlive(handoff.pid)) return handoff;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("The first e2e instance never published its database.");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
