import type { CooccurrenceEdge } from "./types";

/**
 * Co-occurrence counts from mentions: for each group (a paragraph, or an article) the distinct
 * entities mentioned in it, and for each pair of them one more group in common. An entity named
 * twice in one group counts once there. Edges sorted by weight, then ids; `minWeight` drops rarer pairs.
 */
export function cooccurrenceEdges(mentions: readonly { group: string; entityId: string }[], minWeight = 1): CooccurrenceEdge[] {
  const groups = new Map<string, Set<string>>();
  for (const { group, entityId } of mentions) {
    let set = groups.get(group);
    if (!set) groups.set(group, (set = new Set()));
    set.add(entityId);
  }
  const weights = new Map<string, number>();
  for (const set of groups.values()) {
    const ids = [...set].sort();
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const key = `${ids[i]}\u0000${ids[j]}`;
        weights.set(key, (weights.get(key) ?? 0) + 1);
      }
    }
  }
  return [...weights]
    .filter(([, weight]) => weight >= minWeight)
    .map(([key, weight]) => {
      const [source, target] = key.split("\u0000") as [string, string];
      return { source, target, weight };
    })
    .sort((a, b) => b.weight - a.weight || a.source.localeCompare(b.source) || a.target.localeCompare(b.target));
}
