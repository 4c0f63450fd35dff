import "server-only";
import { entityMentionKinds } from "@/lib/annotations/kinds";
import { db } from "@/lib/db";
import type { EntityCount } from "@/lib/insights";
import { readableWorkSql, type InsightScope } from "./insight-work";

/** How many entities the chart shows (the most mentioned). */
export const TOP_ENTITIES = 30;

/**
 * The most mentioned entities in the filter's articles, counted by the database (summing the
 * readable work by the tag's entity, see insight-work.ts); ties by id, then shown by count and name.
 */
export async function countEntityMentions(scope: InsightScope, limit = TOP_ENTITIES): Promise<EntityCount[]> {
  const kinds = entityMentionKinds().get("entityId") ?? [];
  const groups = await db().$queryRaw<{ entityId: string; mentions: number }[]>`
    SELECT "w"."entityId", sum("w"."n")::int AS "mentions"
      FROM (${readableWorkSql(scope, "subject")}) AS "w"
     WHERE "w"."kind" = ANY(${kinds}::text[]) AND "w"."entityId" IS NOT NULL
     GROUP BY 1 HAVING sum("w"."n") > 0
     ORDER BY 2 DESC, 1 ASC
     LIMIT ${limit}`;
  return describeEntities(groups);
}

/** Entities by id with their names and types, by count, then name. */
export async function describeEntities(counts: readonly { entityId: string; mentions: number }[]): Promise<EntityCount[]> {
  const entities = await db().entity.findMany({
    where: { id: { in: counts.map((count) => count.entityId) } },
    select: { id: true, name: true, type: { select: { key: true, label: true, color: true } } },
  });
  const byId = new Map(entities.map((entity) => [entity.id, entity]));
  return counts
    .filter((count) => byId.has(count.entityId))
    .map((count) => {
      const entity = byId.get(count.entityId)!;
      return { entityId: entity.id, name: entity.name, typeKey: entity.type.key, typeLabel: entity.type.label, color: entity.type.color, mentions: count.mentions };
    })
    .sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
}
