import type { ActivityCount, ActivityKind } from "./types";

/** Work counted per UTC day, person and kind (`count` pieces of work at each instant, 1 if not given), sorted by day, then person and kind. */
export function activityByDay(work: readonly { createdAt: Date; authorId: string; authorName: string; kind: ActivityKind; count?: number }[]): ActivityCount[] {
  const counts = new Map<string, ActivityCount>();
  for (const item of work) {
    const day = item.createdAt.toISOString().slice(0, 10);
    const key = `${day}\u0000${item.authorId}\u0000${item.kind}`;
    const entry = counts.get(key);
    const count = item.count ?? 1;
    if (entry) entry.count += count;
    else counts.set(key, { day, authorId: item.authorId, authorName: item.authorName, kind: item.kind, count });
  }
  return [...counts.values()].sort((a, b) => a.day.localeCompare(b.day) || a.authorName.localeCompare(b.authorName) || a.kind.localeCompare(b.kind));
}
