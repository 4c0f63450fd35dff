import "server-only";
import { entityMentionKinds } from "@/lib/annotations/kinds";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { rankEdges, type Cooccurrence, type EntityCount } from "@/lib/insights";
import type { Actor } from "@/lib/permissions";
import type { InsightsFilter } from "@/lib/validations/insights";
import { readableMentionSql } from "./insight-work";

/** The network's size: the most mentioned entities, a few hundred at most, and the heaviest edges between them. */
export const NETWORK_NODES = 150;
export const NETWORK_EDGES = 600;

/**
 * Entities mentioned together in one paragraph (or article), among the `nodes` most mentioned:
 * the database takes each (group, entity) once over the tags the actor may read and counts, for
 * each pair of them, the groups they share. Bounded by the nodes: at most NETWORK_NODES² / 2 pairs.
 */
export async function countCooccurrences(actor: Actor | null, filter: InsightsFilter, nodes: readonly EntityCount[]): Promise<Cooccurrence> {
  const ids = nodes.slice(0, NETWORK_NODES).map((node) => node.entityId);
  if (ids.length < 2) return { scope: filter.scope, nodes: [], edges: [] };
  const group = Prisma.raw(filter.scope === "paragraph" ? `"a"."paragraphId"` : `"a"."articleId"`);
  // Ids compared byte-wise (COLLATE "C"), as JavaScript orders them, so each pair is (smaller, larger) as before.
  const pairs = await db().$queryRaw<{ source: string; target: string; weight: number }[]>`
    WITH "m" AS (
      SELECT DISTINCT ${group} AS "g", "a"."entityId" AS "e"
        FROM "Annotation" AS "a" JOIN "Article" AS "ar" ON "ar"."id" = "a"."articleId"
       WHERE "a"."kind"::text = ANY(${entityMentionKinds().get("entityId") ?? []}::text[]) AND "a"."entityId" = ANY(${ids}::text[]) AND ${readableMentionSql(actor, filter)}
    )
    SELECT "x"."e" AS "source", "y"."e" AS "target", count(*)::int AS "weight"
      FROM "m" AS "x" JOIN "m" AS "y" ON "y"."g" = "x"."g" AND "x"."e" COLLATE "C" < "y"."e" COLLATE "C"
     GROUP BY 1, 2`;
  const edges = rankEdges(pairs).slice(0, NETWORK_EDGES);
  const linked = new Set(edges.flatMap((edge) => [edge.source, edge.target]));
  return { scope: filter.scope, nodes: nodes.filter((node) => linked.has(node.entityId)), edges };
}
