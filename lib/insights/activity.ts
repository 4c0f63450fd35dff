import type { ActivityCount, ActivityKind } from "./types";

/** The order of String.prototype.localeCompare (the default locale), one collator for every comparison: localeCompare builds its own each time, seconds over a year of a team's days. */
const collator = new Intl.Collator();

/** Activity in the order the page shows it: by day, then person, then kind (sorted in place, and returned). */
export function sortActivity(counts: ActivityCount[]): ActivityCount[] {
  return counts.sort((a, b) => collator.compare(a.day, b.day) || collator.compare(a.authorName, b.authorName) || collator.compare(a.kind, b.kind));
}

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
  return sortActivity([...counts.values()]);
}
