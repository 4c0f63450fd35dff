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
  // Each paragraph once per speaker; every readable tag in it counts.
  const around = await db().$queryRaw<{ speakerId: string; entityId: string; name: string; mentions: number }[]>`
    WITH "q" AS (
      SELECT DISTINCT "a"."speakerId", "a"."paragraphId"
        FROM "Annotation" AS "a"
       WHERE "a"."kind" = 'QUOTE' AND "a"."speakerId" = ANY(${groups.map((group) => group.speakerId)}::text[]) AND ${readableMentionSql(actor, filter)}
    )
    SELECT "q"."speakerId", "a"."entityId", "e"."name", count(*)::int AS "mentions"
      FROM "q" JOIN "Annotation" AS "a" ON "a"."paragraphId" = "q"."paragraphId"
      JOIN "Entity" AS "e" ON "e"."id" = "a"."entityId"
     WHERE "a"."kind"::text = ANY(${kinds}::text[]) AND "a"."entityId" <> "q"."speakerId" AND ${readableMentionSql(actor, filter)}
     GROUP BY 1, 2, 3`;
  return groups.map((group) => ({
    speakerId: group.speakerId,
    name: group.name,
    quotes: group.quotes,
    topEntities: around
      .filter((row) => row.speakerId === group.speakerId)
      .sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name))
      .slice(0, 3)
      .map(({ name, mentions }) => ({ name, mentions })),
  }));
}
