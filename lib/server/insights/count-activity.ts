import "server-only";
import { db } from "@/lib/db";
import { sortActivity, type ActivityCount, type ActivityKind } from "@/lib/insights";
import { readableNoteSql, readableWorkSql, type InsightScope } from "./insight-work";

/**
 * Annotations and notes per day (UTC), person and kind on the filter's articles, over what the
 * actor may read: the database sums the readable work by author and creation day (see
 * insight-work.ts) and counts the notes by day. Over a year of a team's work that is some ten
 * thousand rows, so they come back as one JSON array of [day, author, kind, count] (a row per
 * group cost the driver several times the query) with the day already as text.
 */
export async function countActivity(scope: InsightScope): Promise<ActivityCount[]> {
  const [{ groups }] = await db().$queryRaw<[{ groups: [string, string, ActivityKind, number][] | null }]>`
    SELECT json_agg(json_build_array(to_char("g"."day", 'YYYY-MM-DD'), "g"."authorId", "g"."kind", "g"."count")) AS "groups"
      FROM (SELECT "w"."createdDay" AS "day", "w"."authorId", "w"."kind", sum("w"."n")::int AS "count"
              FROM (${readableWorkSql(scope, "activity")}) AS "w"
             GROUP BY 1, 2, 3 HAVING sum("w"."n") > 0
            UNION ALL
            SELECT date_trunc('day', "n"."createdAt"), "n"."authorId", 'NOTE', count(*)::int
              FROM "Note" AS "n"
             WHERE ${readableNoteSql(scope)}
             GROUP BY 1, 2) AS "g"`;
  const rows = groups ?? [];
  const authorIds = [...new Set(rows.map(([, authorId]) => authorId))];
  const authors = new Map((await db().user.findMany({ where: { id: { in: authorIds } }, select: { id: true, name: true } })).map((user) => [user.id, user.name]));
  // One row per day, person and kind already (the work grouped by them, the notes apart by kind).
  return sortActivity(rows.map(([day, authorId, kind, count]) => ({ day, authorId, authorName: authors.get(authorId) ?? "Someone", kind, count })));
}
