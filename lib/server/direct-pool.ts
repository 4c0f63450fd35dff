import "server-only";
import pg from "pg";

type PoolName = "requests" | "import";

const cached = globalThis as unknown as { glossaDirectPools?: Partial<Record<PoolName, pg.Pool>> };

/*
 * The few hottest statements talk to PostgreSQL through node-postgres directly: confirming the
 * session of a request, creating a highlight (the write everyone waits on), and bulk import's
 * chunks and article inserts. Measured on the 2-core machine, Prisma's layer multiplied their
 * cost: 4.7 ms against 2.3 ms per article insert, 90 ms against 18 ms per 100-article chunk,
 * and a third of a highlight's server time. Everything else uses lib/db.ts.
 *
 * Requests and bulk import get a pool each, so that a long import never makes readers and
 * writers wait for a connection. Both are small and close their connections when idle.
 */
const MAX_CONNECTIONS: Record<PoolName, number> = { requests: 6, import: 4 };

/** PostgreSQL's `timestamp without time zone`: the type of Prisma's DateTime columns. */
const TIMESTAMP = 1114;

/**
 * Prisma stores a DateTime as UTC in a `timestamp without time zone`; pg's default parser reads
 * one as the process's local time. Every direct connection reads them as UTC, whatever TZ is, so
 * a statement can select a DateTime column as it is (as Prisma reads it), with no per-query parser.
 */
const UTC_TIMESTAMPS = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP && format !== "binary" ? parseUtcTimestamp : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** An ordinary `timestamp without time zone` in PostgreSQL's text form: "2026-12-02 05:10:00.123". */
const PLAIN_TIMESTAMP = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{1,6})?$/;

/** Reads a `timestamp without time zone` as UTC; "infinity" and years pg writes otherwise (BC, beyond 9999) go to pg's own parser. */
function parseUtcTimestamp(value: string): unknown {
  return PLAIN_TIMESTAMP.test(value) ? new Date(`${value.replace(" ", "T")}Z`) : pg.types.getTypeParser(TIMESTAMP, "text")(value);
}

function pool(name: PoolName): pg.Pool {
  const pools = (cached.glossaDirectPools ??= {});
  const existing = pools[name];
  if (existing) return existing;
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set.");
  const created = new pg.Pool({
    connectionString,
    max: MAX_CONNECTIONS[name],
    idleTimeoutMillis: 10_000,
    allowExitOnIdle: true,
    application_name: `glossa-${name}`,
    types: UTC_TIMESTAMPS,
  });
  // A connection the server closed (restart, failover) must never crash the process. The pool's
  // "error" covers idle connections; a checked-out one (withSourceUrlsLocked holds one across an
  // import) has no listener of the pool's, so each gets its own. The next query reconnects.
  created.on("connect", (client) => client.on("error", (error) => console.error("Direct database connection closed:", error.message)));
  // The pool re-emits an idle connection's error (logged just above); unheard, it would be thrown.
  created.on("error", () => {});
  pools[name] = created;
  return created;
}

/**
 * The address of a direct, session-keeping connection to the primary: GLOSSA_LISTEN_DATABASE_URL,
 * else DATABASE_URL. Behind a transaction-pooling PgBouncer, DATABASE_URL hands each transaction
 * whichever server connection is free, so what lives in a session — LISTEN, and the start-up
 * migration and seed lock (session-level advisory locks) — must go around it.
 */
export function sessionDatabaseUrl(): string {
  const connectionString = process.env.GLOSSA_LISTEN_DATABASE_URL || process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set.");
  return connectionString;
}

/** The pool for statements that requests wait on. */
export const directPool = (): pg.Pool => pool("requests");

/** The pool for bulk import's statements. */
export const importPool = (): pg.Pool => pool("import");

/** Closes the direct pools (scripts call it before exiting). */
export async function closeDirectPools(): Promise<void> {
  const pools = cached.glossaDirectPools ?? {};
  cached.glossaDirectPools = undefined;
  await Promise.all(Object.values(pools).map((open) => open.end()));
}
