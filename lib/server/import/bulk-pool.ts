import "server-only";
import pg from "pg";

const cached = globalThis as unknown as { glossaBulkPool?: pg.Pool };

/*
 * Bulk import's hot statements (storing and reading the file's chunks, inserting new
 * articles) talk to PostgreSQL through node-postgres directly. Measured on the 2-core
 * machine, Prisma's layer multiplied their cost: 4.7 ms against 2.3 ms per article insert,
 * 90 ms against 18 ms per 100-article chunk, which decides whether 10,000 articles fit in a
 * minute. Small, and it closes its connections when idle; everything else uses lib/db.ts.
 */
export function bulkPool(): pg.Pool {
  if (cached.glossaBulkPool) return cached.glossaBulkPool;
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set.");
  const pool = new pg.Pool({ connectionString, max: 4, idleTimeoutMillis: 10_000, allowExitOnIdle: true });
  // An idle connection the server closed (restart, failover) must not crash the process; the next query reconnects.
  pool.on("error", (error) => console.error("Bulk import connection closed:", error.message));
  cached.glossaBulkPool = pool;
  return pool;
}

/** Closes the bulk pool (scripts call it before exiting). */
export async function closeBulkPool(): Promise<void> {
  await cached.glossaBulkPool?.end();
  cached.glossaBulkPool = undefined;
}
