/**
 * Test support (not a test): a throwaway PostgreSQL (throwaway-database.ts, so an embedded cluster
 * or GLOSSA_TEST_DATABASE_URL's server) for tests of the database scripts, which need a new empty
 * database per case rather than one migrated database.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { startThrowawayDatabase, type ThrowawayDatabase } from "./throwaway-database";

export interface TestServer {
  /** A scratch folder for the test's files, deleted with the server. */
  readonly dataDir: string;
  /** A new empty UTF-8 database on the server, dropped after the file's tests; returns its URL. */
  emptyDatabase(): Promise<string>;
}

/**
 * Registers, in the calling test file, a `beforeAll` that starts the server (named after `prefix`)
 * and an `afterAll` that drops the databases it made and stops it. Call it once, at the top level of the file.
 */
export function testServer(prefix: string): TestServer {
  let database: ThrowawayDatabase | undefined;
  let admin: pg.Client | undefined;
  const created: string[] = [];

  beforeAll(async () => {
    database = await startThrowawayDatabase(prefix);
    admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
  }, 120_000);

  afterAll(async () => {
    // On a shared server (GLOSSA_TEST_DATABASE_URL) they would outlive the run; stopping drops only the first.
    for (const name of created) await admin?.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin?.end();
    await database?.stop();
  });

  const started = () => {
    if (!database || !admin) throw new Error(`The test server "${prefix}" is used before its beforeAll has run.`);
    return { database, admin };
  };

  return {
    get dataDir() {
      return started().database.dataDir;
    },
    async emptyDatabase() {
      const { database, admin } = started();
      // Unique on a shared server too (GLOSSA_TEST_DATABASE_URL), where earlier runs' databases may remain.
      const name = `${prefix.toLowerCase().replace(/[^a-z0-9]+/g, "_")}_${randomBytes(4).toString("hex")}`;
      await admin.query(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8'`);
      created.push(name);
      const url = new URL(database.url);
      url.pathname = `/${name}`;
      return url.toString();
    },
  };
}

/** Runs one statement on a connection of its own to `url`; returns the rows. */
export async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}
