import "server-only";
import { db } from "@/lib/db";
import { sortActivity, type ActivityCount, type ActivityKind } from "@/lib/insights";
import { readableNoteSql, readableWorkSql, type InsightScope } from "./insight-work";

const DAY_MS = 86_400_000;

/**
 * Annotations and notes per day (UTC), person and kind on the filter's articles, over what the
 * actor may read: the database sums the readable work by author and creation day (see
 * insight-work.ts) and counts the notes by day. Over a year of a team's work that is some ten
 * thousand groups, so they come back as one row per person and kind with the days (as numbers
 * since 1970) and their counts as two arrays: a row per group cost the driver several times the
 * query, and one JSON array of [day, author, kind, count] (each day formatted as text) still half
 * of it on the 10,000-article bench.
 */
export async function countActivity(scope: InsightScope): Promise<ActivityCount[]> {
  const rows = await db().$queryRaw<{ authorId: string; kind: ActivityKind; days: number[]; counts: number[] }[]>`
    SELECT "g"."authorId", "g"."kind", array_agg("g"."day"::date - DATE '1970-01-01') AS "days", array_agg("g"."count") AS "counts"
      FROM (SELECT "w"."createdDay" AS "day", "w"."authorId", "w"."kind", sum("w"."n")::int AS "count"
              FROM (${readableWorkSql(scope, "activity")}) AS "w"
             GROUP BY 1, 2, 3 HAVING sum("w"."n") > 0
            UNION ALL
            SELECT date_trunc('day', "n"."createdAt"), "n"."authorId", 'NOTE', count(*)::int
              FROM "Note" AS "n"
             WHERE ${readableNoteSql(scope)}
             GROUP BY 1, 2) AS "g"
     GROUP BY 1, 2`;
  const authorIds = [...new Set(rows.map((row) => row.authorId))];
  const authors = new Map((await db().user.findMany({ where: { id: { in: authorIds } }, select: { id: true, name: true } })).map((user) => [user.id, user.name]));
  const dayNames = new Map<number, string>();
  const dayName = (day: number) => dayNames.get(day) ?? dayNames.set(day, new Date(day * DAY_MS).toISOString().slice(0, 10)).get(day)!;
  // One row per day, person and kind already (the work grouped by them, the notes apart by kind).
  return sortActivity(
    rows.flatMap(({ authorId, kind, days, counts }) => {
      const authorName = authors.get(authorId) ?? "Someone";
      return days.map((day, index) => ({ day: dayName(day), authorId, authorName, kind, count: counts[index]! }));
    }),
  );
}
