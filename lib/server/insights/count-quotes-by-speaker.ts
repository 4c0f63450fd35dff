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
  // The top speakers' quoted paragraphs, then the readable tags of exactly those paragraphs (an
  // index read by paragraph id); each paragraph counts once per speaker, every tag in it counts.
  const quotes = await db().$queryRaw<{ speakerId: string; paragraphId: string }[]>`
    SELECT DISTINCT "q"."speakerId", "q"."paragraphId"
      FROM (${readableMentionRowsSql(scope, Prisma.sql`"a"."kind" = 'QUOTE' AND "a"."speakerId" = ANY(${groups.map((group) => group.speakerId)}::text[])`)}) AS "q"`;
  // Summed per paragraph and entity without their names: joined to Entity here, the planner (which
  // cannot guess how many paragraphs the array holds) looked each of ~9,000 rows' entity up by index.
  const tags = await db().$queryRaw<{ paragraphId: string; entityId: string; n: number }[]>`
    SELECT "t"."paragraphId", "t"."entityId", sum("t"."n")::int AS "n"
      FROM (${readableMentionRowsSql(scope, Prisma.sql`"a"."paragraphId" = ANY(${[...new Set(quotes.map((quote) => quote.paragraphId))]}::text[]) AND "a"."kind"::text = ANY(${kinds}::text[])`)}) AS "t"
     GROUP BY 1, 2`;
  const tagsOf = new Map<string, typeof tags>();
  for (const tag of tags) {
    const ofParagraph = tagsOf.get(tag.paragraphId);
    if (ofParagraph) ofParagraph.push(tag);
    else tagsOf.set(tag.paragraphId, [tag]);
  }
  const countsOf = new Map<string, Map<string, number>>(groups.map((group) => [group.speakerId, new Map()]));
  for (const quote of quotes) {
    const counts = countsOf.get(quote.speakerId)!;
    for (const tag of tagsOf.get(quote.paragraphId) ?? []) if (tag.entityId !== quote.speakerId) counts.set(tag.entityId, (counts.get(tag.entityId) ?? 0) + tag.n);
  }
  // Each speaker's top three are ordered by count, then name: only entities that reach a speaker's
  // third highest count can be among them, so only their names are read.
  const contenders = [...countsOf.values()].flatMap((counts) => {
    const third = [...counts.values()].sort((a, b) => b - a)[2] ?? 0;
    return [...counts].filter(([, mentions]) => mentions >= third).map(([entityId]) => entityId);
  });
  const names = new Map((await db().entity.findMany({ where: { id: { in: [...new Set(contenders)] } }, select: { id: true, name: true } })).map((entity) => [entity.id, entity.name]));
  return groups.map((group) => {
    const topEntities = [...countsOf.get(group.speakerId)!]
      .flatMap(([entityId, mentions]) => (names.has(entityId) ? [{ name: names.get(entityId)!, mentions }] : []))
      .sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name))
      .slice(0, 3);
    return { speakerId: group.speakerId, name: group.name, quotes: group.quotes, topEntities };
  });
}
