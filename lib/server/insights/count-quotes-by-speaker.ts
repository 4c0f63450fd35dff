import "server-only";
import { entityMentionKinds } from "@/lib/annotations/kinds";
import { db } from "@/lib/db";
import type { SpeakerCount } from "@/lib/insights";
import type { Actor } from "@/lib/permissions";
import type { InsightsFilter } from "@/lib/validations/insights";
import { readableMentionSql, readableWorkSql } from "./insight-work";

export const TOP_SPEAKERS = 20;

/**
 * Who is quoted most in the filter's articles (summing the readable work by the quote's speaker,
 * see insight-work.ts; `unopened`: listUnopenedArticles), each with the three entities most often tagged (tags the actor may read)
 * in the paragraphs of their quotes.
 */
export async function countQuotesBySpeaker(actor: Actor | null, filter: InsightsFilter, unopened: readonly string[]): Promise<SpeakerCount[]> {
  const groups = await db().$queryRaw<{ speakerId: string; name: string; quotes: number }[]>`
    SELECT "w"."speakerId", "e"."name", sum("w"."n")::int AS "quotes"
      FROM (${readableWorkSql(actor, filter, unopened)}) AS "w" JOIN "Entity" AS "e" ON "e"."id" = "w"."speakerId"
     WHERE "w"."kind" = 'QUOTE'
     GROUP BY 1, 2 HAVING sum("w"."n") > 0
     ORDER BY 3 DESC, 1 ASC
     LIMIT ${TOP_SPEAKERS}`;
  if (groups.length === 0) return [];
  const kinds = entityMentionKinds().get("entityId") ?? [];
  // The top speakers' quoted paragraphs, then the readable tags of exactly those paragraphs (an
  // index read by paragraph id); each paragraph counts once per speaker, every tag in it counts.
  const quotes = await db().$queryRaw<{ speakerId: string; paragraphId: string }[]>`
    SELECT DISTINCT "a"."speakerId", "a"."paragraphId"
      FROM "Annotation" AS "a"
     WHERE "a"."kind" = 'QUOTE' AND "a"."speakerId" = ANY(${groups.map((group) => group.speakerId)}::text[]) AND ${readableMentionSql(actor, filter)}`;
  const tags = await db().$queryRaw<{ paragraphId: string; entityId: string; name: string }[]>`
    SELECT "a"."paragraphId", "a"."entityId", "e"."name"
      FROM "Annotation" AS "a" JOIN "Entity" AS "e" ON "e"."id" = "a"."entityId"
     WHERE "a"."paragraphId" = ANY(${[...new Set(quotes.map((quote) => quote.paragraphId))]}::text[]) AND "a"."kind"::text = ANY(${kinds}::text[])
       AND ${readableMentionSql(actor, filter)}`;
  const tagsOf = new Map<string, typeof tags>();
  for (const tag of tags) tagsOf.set(tag.paragraphId, [...(tagsOf.get(tag.paragraphId) ?? []), tag]);
  const around = quotes.flatMap((quote) => (tagsOf.get(quote.paragraphId) ?? []).filter((tag) => tag.entityId !== quote.speakerId).map((tag) => ({ speakerId: quote.speakerId, ...tag })));
  return groups.map((group) => {
    const counts = new Map<string, { name: string; mentions: number }>();
    for (const tag of around.filter((row) => row.speakerId === group.speakerId)) {
      const entry = counts.get(tag.entityId) ?? { name: tag.name, mentions: 0 };
      entry.mentions++;
      counts.set(tag.entityId, entry);
    }
    const topEntities = [...counts.values()].sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name)).slice(0, 3);
    return { speakerId: group.speakerId, name: group.name, quotes: group.quotes, topEntities };
  });
}
