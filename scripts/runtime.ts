import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { migrate } from "./db/migrate";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "./db/embedded";

export const ROOT = path.resolve(import.meta.dirname, "..");

export interface Database {
  url: string;
  embedded: EmbeddedDatabase | null;
}

/**
 * The database Glossa runs on: `DATABASE_URL` when set, else the embedded
 * cluster under `dataDir` (started here). Migrated and seeded either way.
 */
export async function prepareDatabase(options: {
  dataDir: string;
  throwaway?: boolean;
  log: (message: string) => void;
}): Promise<Database> {
  const external = process.env.DATABASE_URL;
  const embedded = external ? null : await startEmbeddedDatabase(options);
  const url = external ?? embedded!.url;
  try {
    // Migrations hold a session-level advisory lock: GLOSSA_LISTEN_DATABASE_URL, the direct
    // connection, when DATABASE_URL goes through a transaction-pooling PgBouncer.
    const applied = await migrate(process.env.GLOSSA_LISTEN_DATABASE_URL || url, { log: options.log });
    if (applied.length === 0) options.log("Database schema is up to date.");
    process.env.DATABASE_URL = url;
    const { seed } = await import("../prisma/seed/seed");
    await seed(options.log);
    const { db } = await import("../lib/db");
    await db().$disconnect();
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  return { url, embedded };
}

/**
 * better-auth's secret: `BETTER_AUTH_SECRET` when set; for the embedded
 * default, generated on first start and kept under the data folder (never in
 * the repo). An external database without a secret is a configuration error.
 */
export async function resolveAuthSecret(dataDir: string, usingEmbedded: boolean): Promise<string> {
  if (process.env.BETTER_AUTH_SECRET) return process.env.BETTER_AUTH_SECRET;
  if (!usingEmbedded) {
    throw new Error("BETTER_AUTH_SECRET is not set. With DATABASE_URL set, Glossa needs a secret of at least 32 random characters (e.g. `openssl rand -base64 32`).");
  }
  await mkdir(dataDir, { recursive: true });
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const secret = randomBytes(32).toString("base64url");
  await writeFile(file, secret + "\n", { mode: 0o600 });
  return secret;
}
