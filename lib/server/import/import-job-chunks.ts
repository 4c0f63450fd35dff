import "server-only";
import { importPool } from "@/lib/server/direct-pool";

/** One stored stretch of a bulk file: its valid articles (packed) with their lines, and how many lines failed. */
export interface JobChunk {
  lines: number[];
  items: string[];
  skipped: number;
}

/*
 * The items travel as one string, joined by line feeds, which PostgreSQL splits into and joins
 * from the text[] column: node-postgres writes and reads a text[] element by element, quoting
 * and unquoting each (JSON is full of quotes), which cost seconds per 10,000 articles. A packed
 * item (packArticle: JSON.stringify) never contains a raw line feed.
 */
const SEPARATOR = "\n";

/** Stores chunk `seq` of a job (see direct-pool.ts for why this bypasses Prisma). */
export async function storeChunk(jobId: string, seq: number, chunk: JobChunk): Promise<void> {
  if (chunk.items.some((item) => item.includes(SEPARATOR))) throw new Error("A packed bulk item contains a line feed.");
  await importPool().query(`INSERT INTO "ImportJobChunk" ("jobId", "seq", "lines", "items", "skipped") VALUES ($1, $2, $3::int[], string_to_array($4::text, E'\\n'), $5)`, [
    jobId,
    seq,
    chunk.lines,
    chunk.items.join(SEPARATOR),
    chunk.skipped,
  ]);
}

/** Chunk `seq` of a job, or null if there is none (deleted with a cancelled job). */
export async function readChunk(jobId: string, seq: number): Promise<JobChunk | null> {
  const result = await importPool().query<Omit<JobChunk, "items"> & { items: string }>(
    `SELECT "lines", array_to_string("items", E'\\n') AS "items", "skipped" FROM "ImportJobChunk" WHERE "jobId" = $1 AND "seq" = $2`,
    [jobId, seq],
  );
  const row = result.rows[0];
  return row ? { ...row, items: row.items === "" ? [] : row.items.split(SEPARATOR) } : null;
}
