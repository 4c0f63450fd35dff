import "server-only";
import { activityByDay, type ActivityCount } from "@/lib/insights";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/permissions";
import type { InsightsFilter } from "@/lib/validations/insights";
import { insightAnnotationWhere, insightNoteWhere } from "./insights-where";

/**
 * Annotations and notes per day, person and kind on the filter's articles, over what the actor
 * may read: the database groups by (author, kind, creation time) and the days are summed here.
 */
export async function countActivity(actor: Actor | null, filter: InsightsFilter): Promise<ActivityCount[]> {
  const [annotations, notes] = await Promise.all([
    db().annotation.groupBy({ by: ["authorId", "kind", "createdAt"], where: insightAnnotationWhere(actor, filter), _count: { _all: true } }),
    db().note.groupBy({ by: ["authorId", "createdAt"], where: insightNoteWhere(actor, filter), _count: { _all: true } }),
  ]);
  const authorIds = [...new Set([...annotations, ...notes].map((row) => row.authorId))];
  const authors = new Map((await db().user.findMany({ where: { id: { in: authorIds } }, select: { id: true, name: true } })).map((user) => [user.id, user.name]));
  const work = [
    ...annotations.map((row) => ({ createdAt: row.createdAt, authorId: row.authorId, authorName: authors.get(row.authorId) ?? "Someone", kind: row.kind, count: row._count._all })),
    ...notes.map((row) => ({ createdAt: row.createdAt, authorId: row.authorId, authorName: authors.get(row.authorId) ?? "Someone", kind: "NOTE" as const, count: row._count._all })),
  ];
  return activityByDay(work);
}
