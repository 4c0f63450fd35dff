/**
 * The production server as deployed: Next.js's standalone output (next.config.ts), one
 * `node <distDir>/standalone/server.js` with the static files beside it. `npm start`, the e2e
 * servers and CI all run it this way, so what is tested is what is deployed.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./runtime";

const DIST_DIR = path.join(ROOT, process.env.GLOSSA_DIST_DIR ?? ".next");
const STANDALONE_DIR = path.join(DIST_DIR, "standalone");

/**
 * Puts the build's static files and `public/` where the standalone server serves them from
 * (`next build` leaves them out: a deployment may serve them from a CDN instead) and returns the
 * path of its server.js. Throws when the build has no standalone output.
 */
export function prepareStandalone(): string {
  const server = path.join(STANDALONE_DIR, "server.js");
  if (!existsSync(server)) throw new Error(`No standalone build at ${path.relative(ROOT, STANDALONE_DIR)}: run \`next build\` first.`);
  // Once per build: instances started together (the e2e pair) find the files in place.
  const buildId = readFileSync(path.join(DIST_DIR, "BUILD_ID"), "utf8");
  const stamp = path.join(STANDALONE_DIR, ".glossa-static-of");
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === buildId) return server;
  const staticDir = path.join(STANDALONE_DIR, path.relative(ROOT, DIST_DIR), "static");
  rmSync(staticDir, { recursive: true, force: true });
  cpSync(path.join(DIST_DIR, "static"), staticDir, { recursive: true });
  cpSync(path.join(ROOT, "public"), path.join(STANDALONE_DIR, "public"), { recursive: true, force: true });
  writeFileSync(stamp, buildId);
  return server;
}

/**
 * How long the server keeps an idle keep-alive connection open (ms). Node's clients (the http
 * agent behind Next's rewrite to the page cache, undici) drop an idle connection after 4-5 s, and
 * Node's server after 5 s: a request sent on a connection as the server closes it fails with
 * "socket hang up" (a 500 from the page cache's loopback rewrite, seen in CI). Longer on the server
 * side, the client always closes first. KEEP_ALIVE_TIMEOUT (read by Next's server.js) overrides it.
 */
const KEEP_ALIVE_TIMEOUT_MS = "65000";

/**
 * Starts the standalone server on `host:port` with the given environment additions.
 * GLOSSA_NEXT_NODE_ARGS passes options to its Node.js (e.g. `--cpu-prof` to profile a benchmark's server).
 */
export function spawnStandalone(options: { port: number; host: string; env?: Record<string, string>; stdio?: "inherit" | "ignore" | "pipe" }): ChildProcess {
  const server = prepareStandalone();
  const nodeArgs = process.env.GLOSSA_NEXT_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [];
  return spawn(process.execPath, [...nodeArgs, server], {
    cwd: STANDALONE_DIR,
    env: { KEEP_ALIVE_TIMEOUT: KEEP_ALIVE_TIMEOUT_MS, ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", PORT: String(options.port), HOSTNAME: options.host, ...options.env },
    stdio: options.stdio ?? "inherit",
  });
}
