import "server-only";
import { entityMentionKinds } from "@/lib/annotations/kinds";
import { cooccurrenceEdges, type Cooccurrence, type EntityCount } from "@/lib/insights";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/permissions";
import type { InsightsFilter } from "@/lib/validations/insights";
import { insightAnnotationWhere } from "./insights-where";

/** The network's size: the most mentioned entities, a few hundred at most, and the heaviest edges between them. */
export const NETWORK_NODES = 150;
export const NETWORK_EDGES = 600;

/**
 * Entities mentioned together in one paragraph (or article), among the `nodes` most mentioned:
 * the database returns each (group, entity) once (DISTINCT) over the tags the actor may read, and
 * the pairs are counted from those.
 */
export async function countCooccurrences(actor: Actor | null, filter: InsightsFilter, nodes: readonly EntityCount[]): Promise<Cooccurrence> {
  const ids = nodes.slice(0, NETWORK_NODES).map((node) => node.entityId);
  if (ids.length < 2) return { scope: filter.scope, nodes: [], edges: [] };
  const group = filter.scope === "paragraph" ? "paragraphId" : "articleId";
  const mentions = await db().annotation.findMany({
    where: { AND: [insightAnnotationWhere(actor, filter), { kind: { in: entityMentionKinds().get("entityId") ?? [] }, entityId: { in: ids } }] },
    distinct: [group, "entityId"],
    select: { paragraphId: true, articleId: true, entityId: true },
  });
  const edges = cooccurrenceEdges(mentions.map((mention) => ({ group: mention[group], entityId: mention.entityId! }))).slice(0, NETWORK_EDGES);
  const linked = new Set(edges.flatMap((edge) => [edge.source, edge.target]));
  return { scope: filter.scope, nodes: nodes.filter((node) => linked.has(node.entityId)), edges };
}
