import "server-only";
import type pg from "pg";
import type { Prisma } from "@/lib/generated/prisma/client";
import { directPool } from "@/lib/server/direct-pool";

/**
 * The rows of one search statement (a Prisma.Sql, so fragments and their parameters compose as
 * before), read through the direct pool (lib/server/direct-pool.ts) rather than Prisma. A search
 * sends four or five statements and each passed through Prisma's query interpreter, argument
 * serialisation and per-cell result mapping: on the 100,000-article bench that layer was a
 * measurable share of a search that the database answers in a few milliseconds. Statements stay
 * unnamed, as Prisma's are, so a transaction-pooling PgBouncer still passes them. Dates are sent
 * as UTC ISO strings (a `timestamp without time zone` parameter ignores the zone); the pool reads
 * them back as UTC (lib/server/direct-pool.ts).
 */
export async function querySearchRows<Row extends pg.QueryResultRow>(sql: Prisma.Sql): Promise<Row[]> {
  const values = sql.values.map((value) => (value instanceof Date ? value.toISOString() : value));
  const { rows } = await directPool().query<Row>(sql.text, values);
  return rows;
}
