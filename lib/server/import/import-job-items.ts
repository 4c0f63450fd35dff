import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { importPool } from "@/lib/server/direct-pool";

/** What a bulk job did with one line (see the ImportJobItem model). */
export type ItemOutcome = "created" | "revised" | "unchanged" | "failed";

/** A line of a bulk job, to be recorded with the article it writes. */
export interface JobLine {
  jobId: string;
  line: number;
}

/** Records a line's outcome inside the transaction that wrote its article. */
export async function recordItem(tx: Prisma.TransactionClient, { jobId, line }: JobLine, outcome: Exclude<ItemOutcome, "failed">): Promise<void> {
  await tx.$executeRaw`INSERT INTO "ImportJobItem" ("jobId", "line", "outcome") VALUES (${jobId}, ${line}, ${outcome})`;
}

/** Records that a line failed (nothing of it was written); an outcome already recorded for it stands. */
export async function recordFailure({ jobId, line }: JobLine, message: string): Promise<void> {
  await importPool().query(`INSERT INTO "ImportJobItem" ("jobId", "line", "outcome", "message") VALUES ($1, $2, 'failed', $3) ON CONFLICT DO NOTHING`, [jobId, line, message]);
}

/** The lines of `lines` already done (by this run or one before a crash), with their outcomes. */
export async function readItems(jobId: string, lines: number[]): Promise<{ line: number; outcome: ItemOutcome; message: string | null }[]> {
  const { rows } = await importPool().query<{ line: number; outcome: ItemOutcome; message: string | null }>(
    `SELECT "line", "outcome", "message" FROM "ImportJobItem" WHERE "jobId" = $1 AND "line" = ANY($2::int[]) ORDER BY "line"`,
    [jobId, lines],
  );
  return rows;
}
