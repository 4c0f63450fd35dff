import "server-only";
import pg from "pg";

const cached = globalThis as unknown as { glossaDirectPool?: pg.Pool };

/*
 * The few hottest statements talk to PostgreSQL through node-postgres directly: creating a
 * highlight (the write everyone waits on), and bulk import's chunks and article inserts.
 * Measured on the 2-core machine, Prisma's layer multiplied their cost: 4.7 ms against
 * 2.3 ms per article insert, 90 ms against 18 ms per 100-article chunk, and a third of a
 * highlight's server time. Small, and it closes its connections when idle; everything else
 * uses lib/db.ts.
 */
export function directPool(): pg.Pool {
  if (cached.glossaDirectPool) return cached.glossaDirectPool;
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set.");
  const pool = new pg.Pool({ connectionString, max: 4, idleTimeoutMillis: 10_000, allowExitOnIdle: true });
  // An idle connection the server closed (restart, failover) must not crash the process; the next query reconnects.
  pool.on("error", (error) => console.error("Direct database connection closed:", error.message));
  cached.glossaDirectPool = pool;
  return pool;
}

/** Closes the direct pool (scripts call it before exiting). */
export async function closeDirectPool(): Promise<void> {
  await cached.glossaDirectPool?.end();
  cached.glossaDirectPool = undefined;
}
