import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort, startEmbeddedDatabase, type EmbeddedDatabase } from "./embedded";

/** A throwaway database for tests; `stop` also deletes `dataDir`, which tests may use for scratch files. */
export interface ThrowawayDatabase extends EmbeddedDatabase {
  dataDir: string;
}

/**
 * A fresh database for one test file. By default an fsync-less embedded cluster in a new
 * temporary folder named after `prefix`. With GLOSSA_TEST_DATABASE_URL set (a role allowed to
 * CREATE DATABASE on another PostgreSQL, e.g. CI's system PostgreSQL 15), a new database on
 * that server instead, dropped on stop — so the same tests prove Glossa on that version.
 * `embedded: true` insists on a cluster of its own, for tests about the embedded cluster itself.
 */
export async function startThrowawayDatabase(prefix: string, { embedded = false } = {}): Promise<ThrowawayDatabase> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `${prefix}-`));
  const server = process.env.GLOSSA_TEST_DATABASE_URL;
  try {
    const database = server && !embedded ? await createDatabaseOn(server, prefix) : await startCluster(dataDir);
    return {
      ...database,
      dataDir,
      async stop() {
        try {
          await database.stop();
        } finally {
          await rm(dataDir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * The port is pinned to a free one first: test files start clusters in parallel, and would
 * otherwise all pick embedded.ts's default port before any of them listens on it.
 */
async function startCluster(dataDir: string): Promise<EmbeddedDatabase> {
  await writeFile(path.join(dataDir, "postgres.json"), JSON.stringify({ password: randomBytes(18).toString("base64url"), port: await freePort() }), { mode: 0o600 });
  return startEmbeddedDatabase({ dataDir, throwaway: true });
}

/** A new database on `serverUrl`'s server, with the UTF-8 locale Glossa needs pinned (Cyrillic lower() and trigrams). */
async function createDatabaseOn(serverUrl: string, prefix: string): Promise<EmbeddedDatabase> {
  const name = `${prefix.toLowerCase().replace(/[^a-z0-9]+/g, "_")}_${randomBytes(4).toString("hex")}`;
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    url: url.toString(),
    port: Number(url.port || 5432),
    async stop() {
      if (dropped) return;
      dropped = true;
      // FORCE cannot end a worker of another role (an autovacuum worker on PostgreSQL before 16,
      // when the tests run as a plain role): such a worker is done in moments, so try again.
      for (let attempt = 1; ; attempt++) {
        try {
          await run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
          return;
        } catch (error) {
          if (attempt >= 10 || (error as { code?: string }).code !== "42501") throw error;
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
      }
    },
  };
}
