/**
 * A connection the server ends (a restart, a failover, an administrator) never crashes the
 * process, whether it sits idle in a direct pool or is checked out (as withSourceUrlsLocked
 * holds one across an import); the pool serves the next query on a fresh connection.
 */
import { describe, expect, it, vi } from "vitest";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { db } from "@/lib/db";
import { testDatabase } from "./testing/test-database";
import { directPool, importPool } from "./direct-pool";

const database = testDatabase("glossa-direct-pool-test");
const run = promisify(execFile);

const terminate = (applicationName: string) =>
  database.client.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()`, [applicationName]);

describe("direct pools when the server ends their connections", () => {
  it("an idle connection and a checked-out one both end quietly, and the next query works", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    await directPool().query("SELECT 1"); // leaves an idle connection
    const held = await importPool().connect();
    await held.query("SELECT 1");

    await terminate("glossa-requests");
    await terminate("glossa-import");
    // Both connections hear of it (the error event), with nobody querying them.
    await vi.waitFor(() => expect(logged.mock.calls.filter(([message]) => String(message).includes("Direct database connection closed")).length).toBeGreaterThanOrEqual(2), {
      timeout: 5000,
    });
    held.release(true);

    expect((await directPool().query<{ one: number }>("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
    expect((await importPool().query<{ one: number }>("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
    logged.mockRestore();
  });
});

describe("direct pools read timestamps", () => {
  it("read a timestamp without time zone (Prisma's DateTime) as UTC whatever the process's zone, as Prisma and AT TIME ZONE 'UTC' do", async () => {
    // A process of its own in New York time (a test worker's zone is fixed at its start), where pg's default parser would read local time.
    const script = `
      const { directPool, importPool, closeDirectPools } = await import("./lib/server/direct-pool.ts");
      const statement = \`SELECT '2026-03-01 12:34:56.789'::timestamp AS "plain", '2026-03-01 12:34:56.789'::timestamp AT TIME ZONE 'UTC' AS "zoned",
        '1999-12-31 23:59:59'::timestamp AS "whole", 'infinity'::timestamp AS "forever", NULL::timestamp AS "none",
        (SELECT "createdAt" FROM "user" WHERE "id" = $1) AS "created"\`;
      const rows = [];
      for (const pool of [directPool(), importPool()]) rows.push((await pool.query(statement, [process.env.USER_ID])).rows[0]);
      await closeDirectPools();
      console.log(JSON.stringify({ local: new Date(2026, 2, 1, 12).toISOString(), rows: rows.map((row) => ({ ...row, forever: String(row.forever) })) }));`;
    const { id } = await database.newUser("Zoe Zone");
    const { stdout } = await run(process.execPath, ["--conditions=react-server", "--import", "tsx", "--input-type=module", "-e", script], {
      env: { ...process.env, TZ: "America/New_York", USER_ID: id },
    });
    const { local, rows } = JSON.parse(stdout) as { local: string; rows: Record<string, string | null>[] };
    expect(local).toBe("2026-03-01T17:00:00.000Z"); // the child does run in New York time
    const viaPrisma = await db().user.findUniqueOrThrow({ where: { id }, select: { createdAt: true } });
    for (const row of rows) {
      expect(row).toEqual({
        plain: "2026-03-01T12:34:56.789Z",
        zoned: "2026-03-01T12:34:56.789Z",
        whole: "1999-12-31T23:59:59.000Z",
        forever: "Infinity",
        none: null,
        created: viaPrisma.createdAt.toISOString(),
      });
    }
  }, 60_000);
});
