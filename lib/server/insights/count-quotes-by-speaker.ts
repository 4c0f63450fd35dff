import "server-only";
import { entityMentionKinds } from "@/lib/annotations/kinds";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SpeakerCount } from "@/lib/insights";
import { readableMentionRowsSql, readableWorkSql, type InsightScope } from "./insight-work";

export const TOP_SPEAKERS = 20;

/**
 * Who is quoted most in the filter's articles (summing the readable work by the quote's speaker,
 * see insight-work.ts), each with the three entities most often tagged (tags the actor may read)
 * in the paragraphs of their quotes.
 */
export async function countQuotesBySpeaker(scope: InsightScope): Promise<SpeakerCount[]> {
  // The top speakers first, then their names: joined before the sum, the planner (which cannot
  // guess how many rollup rows are readable) looped over every entity for each quote row.
  const groups = await db().$queryRaw<{ speakerId: string; name: string; quotes: number }[]>`
    SELECT "t"."speakerId", "e"."name", "t"."quotes"
      FROM (SELECT "w"."speakerId", sum("w"."n")::int AS "quotes"
              FROM (${readableWorkSql(scope, "subject")}) AS "w"
             WHERE "w"."kind" = 'QUOTE' AND "w"."speakerId" IS NOT NULL
             GROUP BY 1 HAVING sum("w"."n") > 0
             ORDER BY 2 DESC, 1 ASC
             LIMIT ${TOP_SPEAKERS}) AS "t"
      JOIN "Entity" AS "e" ON "e"."id" = "t"."speakerId"
     ORDER BY 3 DESC, 1 ASC`;
  if (groups.length === 0) return [];
  const kinds = entityMentionKinds().get("entityId") ?? [];
  // In one statement: the top speakers' quoted paragraphs, the readable tags of exactly those
  // paragraphs (each paragraph counts once per speaker, every tag in it counts), summed per speaker
  // and entity, and only the entities whose count is among a speaker's three highest (ties by name
  // are broken here, as the page sorts them) come back, not every tag around every quote.
  const around = await db().$queryRaw<{ speakerId: string; entityId: string; name: string; mentions: number }[]>`
    WITH "quoted" AS (
      SELECT DISTINCT "q"."speakerId", "q"."paragraphId"
        FROM (${readableMentionRowsSql(scope, Prisma.sql`"a"."kind" = 'QUOTE' AND "a"."speakerId" = ANY(${groups.map((group) => group.speakerId)}::text[])`)}) AS "q"
    ), "tags" AS (
      SELECT "t"."paragraphId", "t"."entityId", sum("t"."n") AS "n"
        FROM (${readableMentionRowsSql(scope, Prisma.sql`"a"."paragraphId" IN (SELECT "paragraphId" FROM "quoted") AND "a"."kind"::text = ANY(${kinds}::text[])`)}) AS "t"
       GROUP BY 1, 2
    ), "counted" AS (
      SELECT "quoted"."speakerId", "tags"."entityId", sum("tags"."n")::int AS "mentions"
        FROM "quoted" JOIN "tags" ON "tags"."paragraphId" = "quoted"."paragraphId"
       WHERE "tags"."entityId" <> "quoted"."speakerId"
       GROUP BY 1, 2
    )
    SELECT "r"."speakerId", "r"."entityId", "e"."name", "r"."mentions"
      FROM (SELECT "counted".*, dense_rank() OVER (PARTITION BY "speakerId" ORDER BY "mentions" DESC) AS "rank" FROM "counted") AS "r"
      JOIN "Entity" AS "e" ON "e"."id" = "r"."entityId"
     WHERE "r"."rank" <= 3`;
  return groups.map((group) => {
    const topEntities = around
      .filter((row) => row.speakerId === group.speakerId)
      .map((row) => ({ name: row.name, mentions: row.mentions }))
      .sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name))
      .slice(0, 3);
    return { speakerId: group.speakerId, name: group.name, quotes: group.quotes, topEntities };
  });
}
