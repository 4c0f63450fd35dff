import "server-only";
import { importPool } from "@/lib/server/direct-pool";

/** One stored stretch of a bulk file: its valid articles (packed) with their lines, and how many lines failed. */
export interface JobChunk {
  lines: number[];
  items: string[];
  skipped: number;
}

/** Stores chunk `seq` of a job (see direct-pool.ts for why this bypasses Prisma). */
export async function storeChunk(jobId: string, seq: number, chunk: JobChunk): Promise<void> {
  await importPool().query(`INSERT INTO "ImportJobChunk" ("jobId", "seq", "lines", "items", "skipped") VALUES ($1, $2, $3::int[], $4::text[], $5)`, [
    jobId,
    seq,
    chunk.lines,
    chunk.items,
    chunk.skipped,
  ]);
}

/** Chunk `seq` of a job, or null if there is none (deleted with a cancelled job). */
export async function readChunk(jobId: string, seq: number): Promise<JobChunk | null> {
  const result = await importPool().query<JobChunk>(`SELECT "lines", "items", "skipped" FROM "ImportJobChunk" WHERE "jobId" = $1 AND "seq" = $2`, [jobId, seq]);
  return result.rows[0] ?? null;
}
