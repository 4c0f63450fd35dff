/**
 * The migration runner against a real PostgreSQL: what it records, what it
 * refuses, how a failure rolls back, and that concurrent starts apply each
 * migration once. One embedded cluster for the file, one database per test.
 */
import { createHash } from "node:crypto";
import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { migrate, MIGRATIONS_DIR } from "./migrate";
import { query, testServer } from "./test-server";

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  started_at: Date;
  rolled_back_at: Date | null;
  logs: string | null;
  applied_steps_count: number;
}

const server = testServer("glossa-migrate-test");
/** The committed migrations, in order, with the sha256 of each file. */
let committed: { name: string; checksum: string }[];

const recorded = (url: string) =>
  query<MigrationRow>(url, `SELECT * FROM "_prisma_migrations" ORDER BY migration_name, started_at`);

const tableExists = async (url: string, table: string) =>
  (await query<{ exists: boolean }>(url, `SELECT to_regclass($1) IS NOT NULL AS exists`, [`public."${table}"`]))[0]?.exists;

/** A scratch copy of the committed migrations, for tests that edit or add some. */
async function copyOfMigrations(): Promise<string> {
  const dir = await mkdtemp(path.join(server.dataDir, "migrations-"));
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

async function addMigration(dir: string, name: string, sql: string): Promise<void> {
  await mkdir(path.join(dir, name));
  await writeFile(path.join(dir, name, "migration.sql"), sql);
}

beforeAll(async () => {
  const names = (await readdir(MIGRATIONS_DIR, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  committed = await Promise.all(
    names.map(async (name) => ({
      name,
      checksum: createHash("sha256").update(await readFile(path.join(MIGRATIONS_DIR, name, "migration.sql"))).digest("hex"),
    })),
  );
});

describe("migrate", () => {
  it("applies every migration to an empty database and records it as Prisma does", async () => {
    const url = await server.emptyDatabase();
    const logged: string[] = [];

    const applied = await migrate(url, { log: (message) => logged.push(message) });

    expect(committed.length).toBeGreaterThan(0);
    expect(applied).toEqual(committed.map((m) => m.name));
    expect(logged).toEqual(committed.map((m) => `Applying migration ${m.name}`));
    const rows = await recorded(url);
    expect(rows.map((row) => ({ name: row.migration_name, checksum: row.checksum }))).toEqual(committed);
    for (const row of rows) {
      expect(row.checksum, row.migration_name).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at, row.migration_name).toBeInstanceOf(Date);
      expect(row.rolled_back_at, row.migration_name).toBeNull();
      expect(row.logs, row.migration_name).toBeNull();
      expect(row.applied_steps_count, row.migration_name).toBe(1);
    }
    expect(await tableExists(url, "Article")).toBe(true);
  });

  it("does nothing when run again", async () => {
    const url = await server.emptyDatabase();
    await migrate(url);
    const before = await recorded(url);

    expect(await migrate(url)).toEqual([]);
    expect(await recorded(url)).toEqual(before);
  });

  it("applies only the migrations added since the last run", async () => {
    const url = await server.emptyDatabase();
    const dir = await copyOfMigrations();
    await migrate(url, { dir });
    await addMigration(dir, "29990101000000_later", `CREATE TABLE "Later" ("id" TEXT PRIMARY KEY);`);

    expect(await migrate(url, { dir })).toEqual(["29990101000000_later"]);
    expect((await recorded(url)).map((row) => row.migration_name)).toEqual([
      ...committed.map((m) => m.name),
      "29990101000000_later",
    ]);
  });

  describe("refuses to run over a migration history it cannot trust", () => {
    const cases: {
      name: string;
      /** Tampers with the database or the scratch migrations dir after a successful first run. */
      tamper: (context: { url: string; dir: string; migration: string }) => Promise<void>;
      error: (migration: string) => RegExp;
    }[] = [
      {
        name: "an applied migration whose file changed",
        tamper: ({ dir, migration }) => appendFile(path.join(dir, migration, "migration.sql"), "\n-- an innocent comment\n"),
        error: (migration) => new RegExp(`Migration ${migration} was changed after it was applied`),
      },
      {
        name: "a migration an earlier run left unfinished",
        tamper: async ({ url, migration }) => {
          await query(url, `UPDATE "_prisma_migrations" SET finished_at = NULL WHERE migration_name = $1`, [migration]);
        },
        error: (migration) => new RegExp(`Migration ${migration} failed in an earlier run`),
      },
    ];

    // A pending migration may sort after the applied ones, or before them (merged from an older branch).
    const pendingNames = ["29990101000000_pending", "20000101000000_pending"];
    const table = cases.flatMap((c) => pendingNames.map((pending) => ({ ...c, pending })));

    it.each(table)("$name, naming it and applying nothing (pending $pending)", async ({ tamper, error, pending }) => {
      const url = await server.emptyDatabase();
      const dir = await copyOfMigrations();
      await migrate(url, { dir });
      const migration = committed.at(-1)!.name;
      await tamper({ url, dir, migration });
      await addMigration(dir, pending, `CREATE TABLE "Pending" ("id" TEXT PRIMARY KEY);`);
      const before = await recorded(url);

      await expect(migrate(url, { dir })).rejects.toThrow(error(migration));
      expect(await recorded(url)).toEqual(before);
      expect(await tableExists(url, "Pending")).toBe(false);
    });
  });

  describe("rolls back a failing migration entirely and does not record it", () => {
    const cases: { name: string; sql: string; error: RegExp }[] = [
      {
        name: "a syntax error after a successful statement",
        sql: `CREATE TABLE "Half" ("id" TEXT PRIMARY KEY);\nCREATE TABLE "Broken" (;`,
        error: /syntax error/,
      },
      {
        name: "a runtime error after a successful statement",
        sql: `CREATE TABLE "Half" ("id" TEXT PRIMARY KEY);\nINSERT INTO "Half" VALUES ('a');\nALTER TABLE "Article" ADD COLUMN "x" TEXT REFERENCES "Nowhere"("id");`,
        error: /"Nowhere" does not exist/,
      },
      {
        name: "a constraint violation",
        sql: `CREATE TABLE "Half" ("id" TEXT PRIMARY KEY);\nINSERT INTO "Half" VALUES ('a'), ('a');`,
        error: /duplicate key/,
      },
      {
        // The SQL itself succeeds, but its row in _prisma_migrations cannot be written: the two commit together or not at all.
        name: "a migration that cannot be recorded",
        sql: `CREATE TABLE "Half" ("id" TEXT PRIMARY KEY);\nALTER TABLE "_prisma_migrations" ADD CONSTRAINT "refuse_rows" CHECK (false) NOT VALID;`,
        error: /violates check constraint "refuse_rows"/,
      },
    ];

    it.each(cases)("$name", async ({ sql, error }) => {
      const url = await server.emptyDatabase();
      const dir = await copyOfMigrations();
      const broken = "29990101000000_broken";
      await addMigration(dir, broken, sql);

      const failure = migrate(url, { dir });
      await expect(failure).rejects.toThrow(new RegExp(`Migration ${broken} failed and was rolled back`));
      await expect(failure).rejects.toThrow(error);

      expect(await tableExists(url, "Half")).toBe(false);
      expect(await query(url, `SELECT 1 FROM information_schema.columns WHERE table_name = 'Article' AND column_name = 'x'`)).toEqual([]);
      // The migrations before it were committed, each in its own transaction; the broken one left no row.
      expect((await recorded(url)).map((row) => row.migration_name)).toEqual(committed.map((m) => m.name));

      // Once fixed, it applies on the next run.
      await writeFile(path.join(dir, broken, "migration.sql"), `CREATE TABLE "Half" ("id" TEXT PRIMARY KEY);`);
      expect(await migrate(url, { dir })).toEqual([broken]);
      expect(await tableExists(url, "Half")).toBe(true);
    });
  });

  it.each([2, 5])("lets %i instances start together on an empty database, applying each migration once", async (instances) => {
    const url = await server.emptyDatabase();

    const results = await Promise.all(Array.from({ length: instances }, () => migrate(url)));

    // Whichever took the advisory lock first applied everything; the others found nothing left to do.
    expect(results.flat().sort()).toEqual(committed.map((m) => m.name));
    expect(results.filter((applied) => applied.length > 0)).toHaveLength(1);
    const counts = await query<{ migration_name: string; count: string }>(
      url,
      `SELECT migration_name, count(*) FROM "_prisma_migrations" GROUP BY migration_name ORDER BY migration_name`,
    );
    expect(counts).toEqual(committed.map((m) => ({ migration_name: m.name, count: "1" })));
  });
});
