import "server-only";
import { entityMentionKinds } from "@/lib/annotations/kinds";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { rankEdges, type Cooccurrence, type EntityCount } from "@/lib/insights";
import { readableMentionRowsSql, type InsightScope } from "./insight-work";

/** The network's size: the most mentioned entities, a few hundred at most, and the heaviest edges between them. */
export const NETWORK_NODES = 150;
export const NETWORK_EDGES = 600;

/**
 * Entities mentioned together in one paragraph (or article), among the `nodes` most mentioned:
 * the database takes each (group, entity) once over the tags the actor may read (readableMentionRowsSql) and counts, for
 * each pair of them, the groups they share. Bounded by the nodes: at most NETWORK_NODES² / 2 pairs.
 */
export async function countCooccurrences(scope: InsightScope, nodes: readonly EntityCount[]): Promise<Cooccurrence> {
  const { filter } = scope;
  const ids = nodes.slice(0, NETWORK_NODES).map((node) => node.entityId);
  if (ids.length < 2) return { scope: filter.scope, nodes: [], edges: [] };
  const group = Prisma.raw(filter.scope === "paragraph" ? `"m"."paragraphId"` : `"m"."articleId"`);
  const mentions = readableMentionRowsSql(scope, Prisma.sql`"a"."kind"::text = ANY(${entityMentionKinds().get("entityId") ?? []}::text[]) AND "a"."entityId" = ANY(${ids}::text[])`);
  // Each group's distinct entities as one sorted array, its pairs read off by position: no self-join of
  // the mentions (whose size the planner cannot guess). Sorted byte-wise (COLLATE "C"), as JavaScript
  // orders ids, so each pair is (smaller, larger).
  const pairs = await db().$queryRaw<{ source: string; target: string; weight: number }[]>`
    WITH "groups" AS (
      SELECT array_agg(DISTINCT "m"."entityId" COLLATE "C" ORDER BY "m"."entityId" COLLATE "C") AS "ids"
        FROM (${mentions}) AS "m"
       GROUP BY ${group}
      HAVING count(DISTINCT "m"."entityId") > 1
    )
    SELECT "ids"[i] AS "source", "ids"[j] AS "target", count(*)::int AS "weight"
      FROM "groups", generate_subscripts("ids", 1) AS i, generate_subscripts("ids", 1) AS j
     WHERE i < j
     GROUP BY 1, 2`;
  const edges = rankEdges(pairs).slice(0, NETWORK_EDGES);
  const linked = new Set(edges.flatMap((edge) => [edge.source, edge.target]));
  return { scope: filter.scope, nodes: nodes.filter((node) => linked.has(node.entityId)), edges };
}
