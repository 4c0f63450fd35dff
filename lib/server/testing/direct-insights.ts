/**
 * Test support (not a test): /insights' numbers counted directly, row by row, with Prisma's
 * relation filters over lib/permissions' rules — how lib/server/insights counted before the
 * rollups. The oracle of insight-rollup.test.ts: the rollup path must give exactly these. Slow on
 * a big library (that is why the rollups exist); never used by the app.
 */
import { entityMentionKinds } from "@/lib/annotations/kinds";
import { db } from "@/lib/db";
import { activityByDay, rankEdges, type ActivityCount, type CooccurrenceEdge } from "@/lib/insights";
import type { Actor } from "@/lib/permissions";
import { insightAnnotationWhere, insightNoteWhere } from "@/lib/server/insights/insights-where";
import type { InsightsFilter } from "@/lib/validations/insights";

export interface DirectInsights {
  /** Every mentioned entity's mentions, by id. */
  entities: Record<string, number>;
  /** Every speaker's quotes, by id. */
  speakers: Record<string, number>;
  /** Each speaker's co-mentioned entities around their quotes, by speaker and entity id. */
  around: Record<string, Record<string, number>>;
  activity: ActivityCount[];
  /** Readable annotations per article, by id. */
  articles: Record<string, number>;
  /** Every pair of entities among `nodes` sharing a group, heaviest first. */
  edges: CooccurrenceEdge[];
}

/**
 * Everything /insights counts, directly, over what `actor` may read; co-occurrence among `nodes`;
 * with a search query, over the articles it `matched`.
 */
export async function countInsightsDirectly(actor: Actor | null, filter: InsightsFilter, nodes: readonly string[], matched: readonly string[] | null = null): Promise<DirectInsights> {
  const where = insightAnnotationWhere(actor, filter, matched);
  const tags = entityMentionKinds().get("entityId") ?? [];
  const [mentions, quotes, annotations, notes] = await Promise.all([
    db().annotation.findMany({ where: { AND: [where, { kind: { in: tags }, entityId: { not: null } }] }, select: { entityId: true, paragraphId: true, articleId: true } }),
    db().annotation.findMany({ where: { AND: [where, { kind: "QUOTE", speakerId: { not: null } }] }, select: { speakerId: true, paragraphId: true } }),
    db().annotation.findMany({ where, select: { articleId: true, authorId: true, kind: true, createdAt: true, author: { select: { name: true } } } }),
    db().note.findMany({ where: insightNoteWhere(actor, filter, matched), select: { authorId: true, createdAt: true, author: { select: { name: true } } } }),
  ]);
  const tally = (keys: string[]) => keys.reduce<Record<string, number>>((counts, key) => ({ ...counts, [key]: (counts[key] ?? 0) + 1 }), {});
  const around: Record<string, Record<string, number>> = {};
  for (const speakerId of new Set(quotes.map((quote) => quote.speakerId!))) {
    const paragraphs = new Set(quotes.filter((quote) => quote.speakerId === speakerId).map((quote) => quote.paragraphId));
    around[speakerId] = tally(mentions.filter((mention) => paragraphs.has(mention.paragraphId) && mention.entityId !== speakerId).map((mention) => mention.entityId!));
  }
  const group = filter.scope === "paragraph" ? "paragraphId" : "articleId";
  const groups = new Map<string, Set<string>>();
  for (const mention of mentions.filter((mention) => nodes.includes(mention.entityId!))) {
    groups.set(mention[group], (groups.get(mention[group]) ?? new Set()).add(mention.entityId!));
  }
  const pairs = [...groups.values()].flatMap((set) => {
    const ids = [...set].sort();
    return ids.flatMap((source, index) => ids.slice(index + 1).map((target) => `${source} ${target}`));
  });
  return {
    entities: tally(mentions.map((mention) => mention.entityId!)),
    speakers: tally(quotes.map((quote) => quote.speakerId!)),
    around,
    activity: activityByDay([
      ...annotations.map((row) => ({ createdAt: row.createdAt, authorId: row.authorId, authorName: row.author.name, kind: row.kind })),
      ...notes.map((row) => ({ createdAt: row.createdAt, authorId: row.authorId, authorName: row.author.name, kind: "NOTE" as const })),
    ]),
    articles: tally(annotations.map((row) => row.articleId)),
    edges: rankEdges(
      Object.entries(tally(pairs)).map(([pair, weight]) => {
        const [source, target] = pair.split(" ") as [string, string];
        return { source, target, weight };
      }),
    ),
  };
}
