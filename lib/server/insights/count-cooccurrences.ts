import "server-only";
import { entityMentionKinds } from "@/lib/annotations/kinds";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { rankEdges, type Cooccurrence, type EntityCount } from "@/lib/insights";
import { correctedRollupSql, readableMentionRowsSql, rolledUpPairsSql, type InsightScope } from "./insight-work";

/** The network's size: the most mentioned entities, a few hundred at most, and the heaviest edges between them. */
export const NETWORK_NODES = 150;
export const NETWORK_EDGES = 600;

/**
 * Entities mentioned together in one paragraph (or article), among the `nodes` most mentioned: for
 * each pair of them, the groups whose tags the actor may read name both. Over the whole library or
 * whole days the pairs come from InsightPair (kept by the triggers, per layer), corrected live on
 * the few articles where a per-layer count is not what the actor reads (the scope's corrected
 * articles): there the rollup's pairs are taken out and the readable tags'
 * pairs counted instead. One article (or part days) is counted live. Bounded by the nodes: at most
 * NETWORK_NODES² / 2 pairs.
 */
export async function countCooccurrences(scope: InsightScope, nodes: readonly EntityCount[]): Promise<Cooccurrence> {
  const { filter } = scope;
  const ids = nodes.slice(0, NETWORK_NODES).map((node) => node.entityId);
  if (ids.length < 2) return { scope: filter.scope, nodes: [], edges: [] };
  const group = filter.scope === "paragraph" ? `"m"."paragraphId"` : `"m"."articleId"`;
  const tags = Prisma.sql`"a"."kind"::text = ANY(${entityMentionKinds().get("entityId") ?? []}::text[]) AND "a"."entityId" = ANY(${ids}::text[])`;
  // InsightPair counts the shared tags with an entity id: the only mention column (kinds.ts) is that one.
  const pairs = scope.corrected
    ? await correctedRollupSql(scope.corrected, scope, tags, rolledUpPairsSql(scope, filter.scope, ids), `"source", "target"`, `"weight"`, (mentions, layered) =>
        groupPairsSql(mentions, Prisma.raw(layered ? `${group}, "m"."layer"` : group)),
      )
    : groupPairsSql(readableMentionRowsSql(scope, tags), Prisma.raw(group));
  const rows = await db().$queryRaw<{ source: string; target: string; weight: number }[]>`
    SELECT "p"."source", "p"."target", sum("p"."weight")::int AS "weight" FROM (${pairs}) AS "p" GROUP BY 1, 2 HAVING sum("p"."weight") > 0`;
  const edges = rankEdges(rows).slice(0, NETWORK_EDGES);
  const linked = new Set(edges.flatMap((edge) => [edge.source, edge.target]));
  return { scope: filter.scope, nodes: nodes.filter((node) => linked.has(node.entityId)), edges };
}

/**
 * Pairs of entities sharing a group of `mentions` (rows with an "entityId", aliased `m`, grouped by
 * `group`): rows `(source, target, weight)`, the number of groups naming both. Each group's distinct
 * entities as one sorted array, its pairs read off by position: no self-join of the mentions (whose
 * size the planner cannot guess). Sorted byte-wise (COLLATE "C"), as JavaScript orders ids and as
 * InsightPair keeps them, so each pair is (smaller, larger).
 */
function groupPairsSql(mentions: Prisma.Sql, group: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
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
}
