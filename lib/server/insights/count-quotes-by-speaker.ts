import "server-only";
import { entityMentionKinds } from "@/lib/annotations/kinds";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SpeakerCount } from "@/lib/insights";
import { correctedRollupSql, readableMentionRowsSql, readableWorkSql, rolledUpSpeakerEntitiesSql, type InsightScope } from "./insight-work";

export const TOP_SPEAKERS = 20;
/** How many co-mentioned entities each speaker lists. */
const TOP_AROUND = 3;

/**
 * Who is quoted most in the filter's articles (summing the readable work by the quote's speaker,
 * see insight-work.ts), each with the three entities most often tagged (tags the actor may read)
 * in the paragraphs of their quotes: a paragraph counts once per speaker, every tag in it counts.
 * Over the whole library or whole days those come from InsightSpeakerEntity (kept by the triggers,
 * per layer), corrected live on the few articles where a per-layer count is not what the actor
 * reads, as co-occurrence is; one article is counted live.
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
  const speakers = groups.map((group) => group.speakerId);
  const tagKinds = entityMentionKinds().get("entityId") ?? [];
  // The top speakers' quotes and every tag (InsightSpeakerEntity counts the shared tags with an entity id, kinds.ts' only mention column).
  const mentions = Prisma.sql`(("a"."kind" = 'QUOTE' AND "a"."speakerId" = ANY(${speakers}::text[])) OR ("a"."kind"::text = ANY(${tagKinds}::text[]) AND "a"."entityId" IS NOT NULL))`;
  // Only a paragraph quoting a top speaker has entities around one: of the corrected articles, only those paragraphs are recounted.
  const quoting = Prisma.sql`"a"."kind" = 'QUOTE' AND "a"."speakerId" = ANY(${speakers}::text[])`;
  const around = scope.corrected
    ? await correctedRollupSql(
        scope.corrected,
        scope,
        mentions,
        rolledUpSpeakerEntitiesSql(scope, speakers),
        `"speakerId", "entityId"`,
        `"n"`,
        (rows, layered) => speakerEntitiesSql(rows, layered, speakers, tagKinds),
        quoting,
      )
    : speakerEntitiesSql(readableMentionRowsSql(scope, mentions), false, speakers, tagKinds);
  // Each speaker's top three are ordered by count, then name: only entities that reach a speaker's
  // third highest count (rank ≤ 3 counts ties alike) can be among them, so only their names are read.
  const contenders = await db().$queryRaw<{ speakerId: string; name: string; mentions: number }[]>`
    SELECT "c"."speakerId", "e"."name", "c"."mentions"
      FROM (SELECT "s"."speakerId", "s"."entityId", "s"."mentions", rank() OVER (PARTITION BY "s"."speakerId" ORDER BY "s"."mentions" DESC) AS "rank"
              FROM (SELECT "r"."speakerId", "r"."entityId", sum("r"."n")::int AS "mentions" FROM (${around}) AS "r" GROUP BY 1, 2 HAVING sum("r"."n") > 0) AS "s") AS "c"
      JOIN "Entity" AS "e" ON "e"."id" = "c"."entityId"
     WHERE "c"."rank" <= ${TOP_AROUND}`;
  const aroundOf = new Map<string, { name: string; mentions: number }[]>();
  for (const { speakerId, name, mentions: count } of contenders) {
    const entities = aroundOf.get(speakerId);
    if (entities) entities.push({ name, mentions: count });
    else aroundOf.set(speakerId, [{ name, mentions: count }]);
  }
  return groups.map((group) => ({
    speakerId: group.speakerId,
    name: group.name,
    quotes: group.quotes,
    topEntities: (aroundOf.get(group.speakerId) ?? []).sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name)).slice(0, TOP_AROUND),
  }));
}

/**
 * The entities around `speakers`' quotes in mention rows (aliased `m`; see readableMentionRowsSql,
 * and layerMentionRowsSql when `layered`): rows `(speakerId, entityId, n)`, for each paragraph (per
 * layer when `layered`) quoting a speaker, the tags of each other entity in it. Each paragraph's
 * speakers and tags as arrays, crossed within the paragraph: a join of quotes to tags was a nested
 * loop over every pair of them (the planner guesses one row for such a subquery).
 */
function speakerEntitiesSql(mentions: Prisma.Sql, layered: boolean, speakers: readonly string[], tagKinds: readonly string[]): Prisma.Sql {
  const tag = Prisma.sql`"m"."kind" = ANY(${tagKinds}::text[]) AND "m"."entityId" IS NOT NULL`;
  return Prisma.sql`
    SELECT "s"."speakerId", "e"."entityId", sum("e"."n")::int AS "n"
      FROM (SELECT array_agg(DISTINCT "m"."speakerId") FILTER (WHERE "m"."kind" = 'QUOTE' AND "m"."speakerId" = ANY(${speakers}::text[])) AS "speakers",
                   array_agg("m"."entityId") FILTER (WHERE ${tag}) AS "entities",
                   array_agg("m"."n") FILTER (WHERE ${tag}) AS "counts"
              FROM (${mentions}) AS "m"
             GROUP BY ${Prisma.raw(layered ? `"m"."paragraphId", "m"."layer"` : `"m"."paragraphId"`)}) AS "p",
           unnest("p"."speakers") AS "s"("speakerId"),
           unnest("p"."entities", "p"."counts") AS "e"("entityId", "n")
     WHERE "e"."entityId" <> "s"."speakerId"
     GROUP BY 1, 2`;
}
