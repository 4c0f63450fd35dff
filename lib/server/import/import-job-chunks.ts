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

/**
 * Chunks `from` to `from + count - 1` of a job, joined in order into one stretch (their lines,
 * items and skipped counts), read in one statement; null if any of them is missing (deleted with
 * a cancelled job). The worker imports several chunks at a time (see run-import-job.ts).
 */
export async function readChunks(jobId: string, from: number, count: number): Promise<JobChunk | null> {
  const { rows } = await importPool().query<Omit<JobChunk, "items"> & { items: string }>(
    `SELECT "lines", array_to_string("items", E'\\n') AS "items", "skipped" FROM "ImportJobChunk" WHERE "jobId" = $1 AND "seq" >= $2 AND "seq" < $3 ORDER BY "seq"`,
    [jobId, from, from + count],
  );
  if (rows.length !== count) return null;
  const joined: JobChunk = { lines: [], items: [], skipped: 0 };
  for (const row of rows) {
    joined.lines.push(...row.lines);
    if (row.items !== "") joined.items.push(...row.items.split(SEPARATOR));
    joined.skipped += row.skipped;
  }
  return joined;
}

/** Chunk `seq` of a job, or null if there is none (deleted with a cancelled job). */
export const readChunk = (jobId: string, seq: number): Promise<JobChunk | null> => readChunks(jobId, seq, 1);
