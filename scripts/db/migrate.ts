import { createHash, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

/** Arbitrary constant: the advisory lock key every Glossa instance takes while migrating. */
export const MIGRATION_LOCK_KEY = 7_240_118_311;
export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../../prisma/migrations");

// The table exactly as Prisma creates it, so `prisma migrate status/deploy` agree with this runner.
export const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

interface AppliedMigration {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
}

/**
 * Runs `work` holding the advisory lock that migrations take, on a connection of its own, so
 * that instances starting together also seed one at a time (the second finds the first's admin
 * and articles instead of racing to create them). Released when `work` settles.
 */
export async function withSetupLock<T>(connectionString: string, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    return await work();
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}

/** Reads `prisma/migrations/<name>/migration.sql` in name (timestamp) order. */
export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const entries = (await readdir(dir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    entries.map(async (name) => {
      const bytes = await readFile(path.join(dir, name, "migration.sql"));
      return { name, sql: bytes.toString("utf8"), checksum: createHash("sha256").update(bytes).digest("hex") };
    }),
  );
}

/**
 * Runs one migration and records it as Prisma does, inside the caller's transaction (the
 * migrations table must exist: CREATE_MIGRATIONS_TABLE).
 */
export async function applyMigration(client: pg.ClientBase, migration: Migration): Promise<void> {
  await client.query(migration.sql);
  await client.query(
    `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
     VALUES ($1, $2, $3, now(), now(), 1)`,
    [randomUUID(), migration.checksum, migration.name],
  );
}

/**
 * Applies pending migrations in order, each in its own transaction, under an
 * advisory lock so that instances starting together cannot race. Refuses to
 * continue when an applied migration's file has changed or one failed earlier.
 */
export async function migrate(
  connectionString: string,
  options: { dir?: string; log?: (message: string) => void } = {},
): Promise<string[]> {
  const log = options.log ?? (() => {});
  const migrations = await readMigrations(options.dir);
  const client = new pg.Client({ connectionString });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await client.query(CREATE_MIGRATIONS_TABLE);
    const { rows } = await client.query<AppliedMigration>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const recorded = new Map(rows.map((row) => [row.migration_name, row]));

    // Check the whole history before applying anything, so a refusal leaves the database untouched
    // even when a pending migration sorts before an applied one.
    for (const migration of migrations) {
      const previous = recorded.get(migration.name);
      if (previous && !previous.finished_at) {
        throw new Error(`Migration ${migration.name} failed in an earlier run and was left unfinished; fix the database, then mark it rolled back.`);
      }
      if (previous && previous.checksum !== migration.checksum) {
        throw new Error(
          `Migration ${migration.name} was changed after it was applied (checksum ${previous.checksum.slice(0, 12)}… → ${migration.checksum.slice(0, 12)}…). Never edit an applied migration: add a new one.`,
        );
      }
    }

    for (const migration of migrations) {
      if (recorded.has(migration.name)) continue;

      log(`Applying migration ${migration.name}`);
      await client.query("BEGIN");
      try {
        await applyMigration(client, migration);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${migration.name} failed and was rolled back: ${(error as Error).message}`);
      }
      applied.push(migration.name);
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
    await client.end();
  }
  return applied;
}
