/**
 * `npm run db:migrate` / `db:seed` / `db:backup [FILE]` / `db:restore FILE` against
 * DATABASE_URL, or the embedded cluster under GLOSSA_DATA_DIR (default .data/) when it is
 * unset. A backup reads the embedded cluster of a running Glossa directly; the other commands
 * start it themselves, and so refuse a data folder in use.
 */
import path from "node:path";
import { backupDatabase, restoreDatabase, type BackupSummary } from "./backup";
import { runningEmbeddedUrl, startEmbeddedDatabase, type EmbeddedDatabase } from "./embedded";
import { migrate } from "./migrate";
import { ROOT } from "../runtime";

const [command, argument] = process.argv.slice(2);
const log = (message: string) => console.log(`[glossa] ${message}`);
const dataDir = path.resolve(ROOT, process.env.GLOSSA_DATA_DIR ?? ".data");

const USAGE = "Usage: cli.ts migrate | seed | backup [FILE] | restore FILE";

function summarise({ file, migrations, rows }: BackupSummary): string {
  const total = Object.values(rows).reduce((sum, count) => sum + count, 0);
  const main = ["Article", "Paragraph", "Annotation", "Note", "Entity", "user"].map((table) => `${rows[table] ?? 0} ${table}`).join(", ");
  return `${file}: ${total} rows in ${Object.keys(rows).length} tables (${main}), schema at ${migrations} migrations`;
}

async function main() {
  if (!["migrate", "seed", "backup", "restore"].includes(command ?? "")) throw new Error(USAGE);
  if (command === "restore" && !argument) throw new Error("Name the backup to restore: npm run db:restore -- FILE");

  const running = !process.env.DATABASE_URL && command === "backup" ? await runningEmbeddedUrl(dataDir) : null;
  let embedded: EmbeddedDatabase | null = null;
  if (!process.env.DATABASE_URL && !running) embedded = await startEmbeddedDatabase({ dataDir, log });
  const url = process.env.DATABASE_URL || running || embedded!.url;
  try {
    if (command === "migrate") {
      const applied = await migrate(url, { log });
      log(applied.length ? `Applied ${applied.length} migration(s).` : "Nothing to apply: the schema is up to date.");
    } else if (command === "seed") {
      process.env.DATABASE_URL = url;
      const { seed } = await import("../../prisma/seed/seed");
      await seed(log);
    } else if (command === "backup") {
      const file = path.resolve(argument ?? `glossa-backup-${new Date().toISOString().replace(/[-:]/g, "").replace(/\..*$/, "")}Z.gz`);
      log(`Backed up ${summarise(await backupDatabase(url, file))}.`);
    } else {
      log(`Restored ${summarise(await restoreDatabase(url, path.resolve(argument!), log))}.`);
    }
  } finally {
    await embedded?.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`[glossa] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
