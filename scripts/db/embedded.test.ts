/**
 * One Glossa per data folder: a second start on a folder in use (in this process or another,
 * e.g. a second `npm start` or `npm run db:migrate`) is refused with a clear message and
 * changes nothing — the first one's database keeps running — while a folder left behind by a
 * killed run is taken over.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startEmbeddedDatabase } from "./embedded";
import { startThrowawayDatabase, type ThrowawayDatabase } from "./throwaway-database";

let database: ThrowawayDatabase;

beforeAll(async () => {
  database = await startThrowawayDatabase("glossa-embedded-test", { embedded: true });
}, 120_000);

afterAll(async () => {
  await database?.stop();
});

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    return (await client.query("SELECT 1 AS one")).rows[0]?.one === 1;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

describe("a second start on a data folder in use", () => {
  it("is refused in the same process, and the first database keeps running untouched", async () => {
    const settings = await readFile(path.join(database.dataDir, "postgres.json"), "utf8");
    await expect(startEmbeddedDatabase({ dataDir: database.dataDir })).rejects.toThrow(/already running on the data folder .* Nothing was changed/);
    expect(await answers(database.url)).toBe(true);
    expect(await readFile(path.join(database.dataDir, "postgres.json"), "utf8")).toBe(settings);
  });

  it("is refused from another process (npm run db:migrate) with exit code 1 and the reason", () => {
    const run = spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/db/cli.ts", "migrate"], {
      cwd: path.resolve(import.meta.dirname, "../.."),
      env: { ...process.env, DATABASE_URL: "", GLOSSA_DATA_DIR: database.dataDir },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`already running on the data folder .*process ${process.pid}`));
  });

  it("leaves the database answering after those refusals", async () => {
    expect(await answers(database.url)).toBe(true);
  });
});

describe("a data folder left by a killed run", () => {
  it("is taken over when the recorded process is gone", async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "glossa-embedded-stale-test-"));
    try {
      await writeFile(path.join(dataDir, "postgres.json"), JSON.stringify({ password: "stale-test-password", port: await freePort() }));
      // A run killed with SIGKILL leaves its pid file behind, naming a process that has exited.
      await writeFile(path.join(dataDir, "glossa.pid"), `${spawnSync("true").pid}\n`);
      const started = await startEmbeddedDatabase({ dataDir, throwaway: true });
      expect(await answers(started.url)).toBe(true);
      expect(await readFile(path.join(dataDir, "glossa.pid"), "utf8")).toBe(`${process.pid}\n`);
      await started.stop();
      expect(existsSync(path.join(dataDir, "glossa.pid"))).toBe(false);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
