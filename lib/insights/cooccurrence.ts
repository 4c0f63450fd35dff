import type { CooccurrenceEdge } from "./types";

/**
 * Edges heaviest first, then by ids: the order in which the network keeps its heaviest edges.
 * (The pairs themselves are counted by the database: lib/server/insights/count-cooccurrences.ts.)
 */
export function rankEdges(edges: readonly CooccurrenceEdge[]): CooccurrenceEdge[] {
  return [...edges].sort((a, b) => b.weight - a.weight || a.source.localeCompare(b.source) || a.target.localeCompare(b.target));
}
