/*
 * A database hiccup (a restart, a failover, a dropped connection, a deadlock or serialization
 * failure between two imports) must not mark an article failed for good: such errors are
 * retried with backoff. Pure: no database import, so it is table-tested alone.
 */

/** SQLSTATEs worth another try: connection lost or refused, server shutting down or starting, too many connections, serialization failure, deadlock. */
const TRANSIENT_SQLSTATES = new Set(["08000", "08001", "08003", "08004", "08006", "08007", "40001", "40P01", "53300", "57P01", "57P02", "57P03"]);
/** Prisma's codes for the same: unreachable server, timeouts, closed connection, pool exhausted, write conflict or deadlock. */
const TRANSIENT_PRISMA = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2034"]);
/** Node's socket errors on a connection the server closed or refused. */
const TRANSIENT_NODE = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT"]);
const TRANSIENT_MESSAGE = /Connection terminated|connection (?:is )?closed|terminating connection|Client has encountered a connection error|the database system is (?:starting up|shutting down)/i;

/** Whether `error` (node-postgres, Prisma or a socket error, possibly wrapped as `cause`) is worth retrying. */
export function isTransientDatabaseError(error: unknown): boolean {
  for (let cause = error, depth = 0; cause && typeof cause === "object" && depth < 5; cause = (cause as { cause?: unknown }).cause, depth++) {
    const { code, message } = cause as { code?: unknown; message?: unknown };
    if (typeof code === "string" && (TRANSIENT_SQLSTATES.has(code) || TRANSIENT_PRISMA.has(code) || TRANSIENT_NODE.has(code))) return true;
    // Prisma's driver adapters carry the database's SQLSTATE on the original error.
    const original = (cause as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } }).meta?.driverAdapterError?.cause?.originalCode;
    if (typeof original === "string" && TRANSIENT_SQLSTATES.has(original)) return true;
    if (typeof message === "string" && TRANSIENT_MESSAGE.test(message)) return true;
  }
  return false;
}

/**
 * Runs `work`, retrying a transient database error up to `attempts` times in all, waiting
 * `baseMs`, then twice as long each time (with jitter, so workers that failed together do not
 * retry together). Any other error, or the last transient one, is thrown.
 */
export async function retryTransient<T>(work: () => Promise<T>, { attempts = 6, baseMs = 200 }: { attempts?: number; baseMs?: number } = {}): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isTransientDatabaseError(error)) throw error;
      const delay = baseMs * 2 ** (attempt - 1) * (0.75 + Math.random() / 2);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
