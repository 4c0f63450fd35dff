/**
 * `npm run db:migrate` / `npm run db:seed` against DATABASE_URL, or the
 * embedded cluster under GLOSSA_DATA_DIR (default .data/) when it is unset.
 */
import path from "node:path";
import { startEmbeddedDatabase } from "./embedded";
import { migrate } from "./migrate";
import { ROOT } from "../runtime";

const command = process.argv[2];
const log = (message: string) => console.log(`[glossa] ${message}`);

async function main() {
  if (command !== "migrate" && command !== "seed") throw new Error("Usage: cli.ts migrate|seed");
  const embedded = process.env.DATABASE_URL
    ? null
    : await startEmbeddedDatabase({ dataDir: path.resolve(ROOT, process.env.GLOSSA_DATA_DIR ?? ".data"), log });
  const url = process.env.DATABASE_URL ?? embedded!.url;
  try {
    if (command === "migrate") {
      const applied = await migrate(url, { log });
      log(applied.length ? `Applied ${applied.length} migration(s).` : "Nothing to apply: the schema is up to date.");
    } else {
      process.env.DATABASE_URL = url;
      const { seed } = await import("../../prisma/seed/seed");
      await seed(log);
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
