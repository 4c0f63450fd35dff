import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { freePort, startEmbeddedDatabase, type EmbeddedDatabase } from "./embedded";

/** A throwaway cluster for tests; `stop` also deletes `dataDir`, which tests may use for scratch files. */
export interface ThrowawayDatabase extends EmbeddedDatabase {
  dataDir: string;
}

/**
 * Starts an fsync-less embedded cluster in a new temporary folder named after `prefix`.
 * The port is pinned to a free one first: test files start clusters in parallel, and
 * would otherwise all pick embedded.ts's default port before any of them listens on it.
 */
export async function startThrowawayDatabase(prefix: string): Promise<ThrowawayDatabase> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `${prefix}-`));
  try {
    await writeFile(
      path.join(dataDir, "postgres.json"),
      JSON.stringify({ password: randomBytes(18).toString("base64url"), port: await freePort() }),
      { mode: 0o600 },
    );
    const database = await startEmbeddedDatabase({ dataDir, throwaway: true });
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
