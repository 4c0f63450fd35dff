import "server-only";
import { entityMentionKinds } from "@/lib/annotations/kinds";
import type { SpeakerCount } from "@/lib/insights";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/permissions";
import type { InsightsFilter } from "@/lib/validations/insights";
import { insightAnnotationWhere } from "./insights-where";

export const TOP_SPEAKERS = 20;

/**
 * Who is quoted most in the filter's articles (GROUP BY the quote's speaker, over the quotes the
 * actor may read), each with the three entities most often tagged in the paragraphs of their quotes.
 */
export async function countQuotesBySpeaker(actor: Actor | null, filter: InsightsFilter): Promise<SpeakerCount[]> {
  const where = insightAnnotationWhere(actor, filter);
  const groups = await db().annotation.groupBy({
    by: ["speakerId"],
    where: { AND: [where, { kind: "QUOTE", speakerId: { not: null } }] },
    _count: { _all: true },
    orderBy: [{ _count: { speakerId: "desc" } }, { speakerId: "asc" }],
    take: TOP_SPEAKERS,
  });
  const speakerIds = groups.map((group) => group.speakerId!);
  if (speakerIds.length === 0) return [];
  const [speakers, quotes] = await Promise.all([
    db().entity.findMany({ where: { id: { in: speakerIds } }, select: { id: true, name: true } }),
    db().annotation.findMany({ where: { AND: [where, { kind: "QUOTE", speakerId: { in: speakerIds } }] }, select: { speakerId: true, paragraphId: true } }),
  ]);
  const paragraphIds = [...new Set(quotes.map((quote) => quote.paragraphId))];
  const mentions = await db().annotation.findMany({
    where: { AND: [where, { kind: { in: entityMentionKinds().get("entityId") ?? [] }, paragraphId: { in: paragraphIds }, entityId: { not: null } }] },
    select: { paragraphId: true, entity: { select: { id: true, name: true } } },
  });
  const names = new Map(speakers.map((speaker) => [speaker.id, speaker.name]));
  return groups.map((group) => {
    const paragraphs = new Set(quotes.filter((quote) => quote.speakerId === group.speakerId).map((quote) => quote.paragraphId));
    const counts = new Map<string, { name: string; mentions: number }>();
    for (const mention of mentions) {
      if (!paragraphs.has(mention.paragraphId) || !mention.entity || mention.entity.id === group.speakerId) continue;
      const entry = counts.get(mention.entity.id) ?? { name: mention.entity.name, mentions: 0 };
      entry.mentions++;
      counts.set(mention.entity.id, entry);
    }
    const topEntities = [...counts.values()].sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name)).slice(0, 3);
    return { speakerId: group.speakerId!, name: names.get(group.speakerId!) ?? "Unknown", quotes: group._count._all, topEntities };
  });
}
