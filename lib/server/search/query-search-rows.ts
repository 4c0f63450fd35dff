import "server-only";
import pg from "pg";
import type { Prisma } from "@/lib/generated/prisma/client";
import { directPool } from "@/lib/server/direct-pool";

/** PostgreSQL's `timestamp without time zone`, the type of Prisma's DateTime columns. */
const TIMESTAMP = 1114;
/** Prisma stores DateTime as UTC without a zone: read it as UTC whatever the process's zone (pg's default reads local time). */
const utcTimestamp = (value: string) => new Date(`${value.replace(" ", "T")}Z`);
const TYPES = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => (oid === TIMESTAMP ? utcTimestamp : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser,
};

/**
 * The rows of one search statement (a Prisma.Sql, so fragments and their parameters compose as
 * before), read through the direct pool (lib/server/direct-pool.ts) rather than Prisma. A search
 * sends four or five statements and each passed through Prisma's query interpreter, argument
 * serialisation and per-cell result mapping: on the 100,000-article bench that layer was a
 * measurable share of a search that the database answers in a few milliseconds. Statements stay
 * unnamed, as Prisma's are, so a transaction-pooling PgBouncer still passes them. Dates are sent
 * as UTC ISO strings (a `timestamp without time zone` parameter ignores the zone) and read as UTC.
 */
export async function querySearchRows<Row extends pg.QueryResultRow>(sql: Prisma.Sql): Promise<Row[]> {
  const values = sql.values.map((value) => (value instanceof Date ? value.toISOString() : value));
  const { rows } = await directPool().query<Row>({ text: sql.text, values, types: TYPES });
  return rows;
}
