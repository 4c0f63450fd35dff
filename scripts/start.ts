/**
 * `npm start`: the one command that runs Glossa. Uses DATABASE_URL when set,
 * else an embedded PostgreSQL under GLOSSA_DATA_DIR (default .data/); migrates,
 * seeds the sample article, builds when sources changed, then serves the
 * standalone production server (`--dev`: the Next.js dev server instead).
 */
import type { ChildProcess } from "node:child_process";
import path from "node:path";
import { buildIfNeeded } from "./build-if-needed";
import { spawnNext } from "./next";
import { stopChild } from "./process";
import { prepareDatabase, resolveAuthSecret, ROOT } from "./runtime";
import { spawnStandalone } from "./standalone";

const log = (message: string) => console.log(`[glossa] ${message}`);
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "localhost";
const devMode = process.argv.includes("--dev");
const dataDir = path.resolve(ROOT, process.env.GLOSSA_DATA_DIR ?? ".data");
/** How long the server may take to finish its requests in flight after SIGTERM before it is killed. */
const SHUTDOWN_GRACE_MS = 30_000;

async function main() {
  const startedAt = Date.now();
  process.env.BETTER_AUTH_SECRET = await resolveAuthSecret(dataDir, !process.env.DATABASE_URL);
  process.env.GLOSSA_PORT = String(port);
  const database = await prepareDatabase({ dataDir, log });
  const running: { server?: ChildProcess } = {};
  let shuttingDown = false;
  const shutdown = async (code: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    // The server drains first (finishes its requests, closes its live feeds), then the database stops.
    if (running.server) await stopChild(running.server, SHUTDOWN_GRACE_MS);
    await database.embedded?.stop();
    log("Stopped.");
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  if (!devMode) await buildIfNeeded(log);
  const url = `http://${host}:${port}`;
  const env = { DATABASE_URL: database.url, BETTER_AUTH_URL: process.env.BETTER_AUTH_URL ?? url };
  const server = devMode ? spawnNext(["dev", "-p", String(port), "-H", host], env) : spawnStandalone({ port, host, env });
  running.server = server;
  server.on("exit", (code) => void shutdown(code ?? 1));
  await waitForHealth(`${url}/api/health`);
  log(`Ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s — open ${url}`);
}

async function waitForHealth(url: string): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Glossa did not answer at ${url}`);
}

main().catch((error: unknown) => {
  console.error(`[glossa] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
