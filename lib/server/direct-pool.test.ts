/**
 * A connection the server ends (a restart, a failover, an administrator) never crashes the
 * process, whether it sits idle in a direct pool or is checked out (as withSourceUrlsLocked
 * holds one across an import); the pool serves the next query on a fresh connection.
 */
import { describe, expect, it, vi } from "vitest";
import { testDatabase } from "./testing/test-database";
import { directPool, importPool } from "./direct-pool";

const database = testDatabase("glossa-direct-pool-test");

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
