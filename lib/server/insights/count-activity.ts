import "server-only";
import { db } from "@/lib/db";
import { activityByDay, type ActivityCount, type ActivityKind } from "@/lib/insights";
import { readableNoteSql, readableWorkSql, type InsightScope } from "./insight-work";

/**
 * Annotations and notes per day (UTC), person and kind on the filter's articles, over what the
 * actor may read: the database sums the readable work by author and creation day (see
 * insight-work.ts) and counts the notes by day.
 */
export async function countActivity(scope: InsightScope): Promise<ActivityCount[]> {
  const rows = await db().$queryRaw<{ day: Date; authorId: string; kind: ActivityKind; count: number }[]>`
    SELECT "w"."createdDay" AS "day", "w"."authorId", "w"."kind", sum("w"."n")::int AS "count"
      FROM (${readableWorkSql(scope, "activity")}) AS "w"
     GROUP BY 1, 2, 3 HAVING sum("w"."n") > 0
    UNION ALL
    SELECT date_trunc('day', "n"."createdAt"), "n"."authorId", 'NOTE', count(*)::int
      FROM "Note" AS "n"
     WHERE ${readableNoteSql(scope)}
     GROUP BY 1, 2`;
  const authorIds = [...new Set(rows.map((row) => row.authorId))];
  const authors = new Map((await db().user.findMany({ where: { id: { in: authorIds } }, select: { id: true, name: true } })).map((user) => [user.id, user.name]));
  return activityByDay(rows.map((row) => ({ createdAt: row.day, authorId: row.authorId, authorName: authors.get(row.authorId) ?? "Someone", kind: row.kind, count: row.count })));
}
