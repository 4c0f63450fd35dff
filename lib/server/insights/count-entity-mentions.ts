import "server-only";
import { entityMentionKinds } from "@/lib/annotations/kinds";
import type { EntityCount } from "@/lib/insights";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/permissions";
import type { InsightsFilter } from "@/lib/validations/insights";
import { insightAnnotationWhere } from "./insights-where";

/** How many entities the chart shows (the most mentioned). */
export const TOP_ENTITIES = 30;

/**
 * The most mentioned entities in the filter's articles, counted by the database (GROUP BY the
 * tag's entity) over the tags the actor may read; ties by name.
 */
export async function countEntityMentions(actor: Actor | null, filter: InsightsFilter, limit = TOP_ENTITIES): Promise<EntityCount[]> {
  const groups = await db().annotation.groupBy({
    by: ["entityId"],
    where: { AND: [insightAnnotationWhere(actor, filter), { kind: { in: entityMentionKinds().get("entityId") ?? [] }, entityId: { not: null } }] },
    _count: { _all: true },
    orderBy: [{ _count: { entityId: "desc" } }, { entityId: "asc" }],
    take: limit,
  });
  return describeEntities(groups.map((group) => ({ entityId: group.entityId!, mentions: group._count._all })));
}

/** Entities by id with their names and types, in the order given. */
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
