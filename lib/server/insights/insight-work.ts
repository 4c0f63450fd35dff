import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/permissions";
import { readableArticleWhere, readableLayerWhere, readableMentionWhere, readableNoteWhere } from "@/lib/permissions/where";
import { whereSql } from "@/lib/server/search/where-sql";
import type { InsightsFilter } from "@/lib/validations/insights";

/*
 * The SQL every /insights section reads its numbers from. The read rules come from
 * lib/permissions/where.ts through whereSql, never typed here.
 *
 * Over the whole library (or a period) the annotations come from the rollups that triggers keep
 * (migration 20261201130500_insight_rollups): shared, live, placed work per day. What the viewer
 * may read of it is exactly
 *   the rollup rows of the layers they may read
 *   − the same work on the period's articles they may not open (archived, Closed projects)
 *   + their own private work, counted live (the only readable work the rollups leave out).
 * One article is counted live from its annotations (a few hundred rows at most).
 * insight-rollup.test.ts checks both against direct counts after creates, edits, deletes and a re-import.
 */

const DAY_MS = 86_400_000;

/** The filter's period bound as a timestamp parameter (UTC, as the columns store it). */
const at = (date: Date) => Prisma.sql`${date.toISOString()}::timestamp(3)`;

/** The filter on articles (aliased `alias`): the period of their date (publication, else import) and the one slug. */
export function articleFilterSql(alias: string, filter: InsightsFilter): Prisma.Sql {
  const day = Prisma.raw(`coalesce("${alias}"."publishedAt", "${alias}"."createdAt")`);
  return Prisma.join(
    [
      Prisma.sql`TRUE`,
      ...(filter.from ? [Prisma.sql`${day} >= ${at(filter.from)}`] : []),
      ...(filter.to ? [Prisma.sql`${day} < ${at(filter.to)}`] : []),
      ...(filter.articleSlug ? [Prisma.sql`${Prisma.raw(`"${alias}"."slug"`)} = ${filter.articleSlug}`] : []),
    ],
    " AND ",
  );
}

/** Annotations (aliased `a`, their article `ar`) the actor may read among entity mentions, on the filter's articles. */
export function readableMentionSql(actor: Actor | null, filter: InsightsFilter): Prisma.Sql {
  return Prisma.sql`${whereSql("Annotation", "a", readableMentionWhere(actor))} AND ${articleFilterSql("ar", filter)}`;
}

/** Whether the rollups can answer: the whole library or whole UTC days of it (the rollups count by day). */
function rollupAnswers(filter: InsightsFilter): boolean {
  return !filter.articleSlug && [filter.from, filter.to].every((bound) => !bound || bound.getTime() % DAY_MS === 0);
}

/**
 * The readable annotations of the filter as signed, grouped rows `(kind, entityId, speakerId,
 * authorId, createdDay, n)`: sum `n` over any grouping of them for the count of what the actor
 * may read (a group whose sum is 0 has nothing readable).
 */
export function readableWorkSql(actor: Actor | null, filter: InsightsFilter): Prisma.Sql {
  const live = (condition: Prisma.Sql, sign: Prisma.Sql) => Prisma.sql`
    SELECT "a"."kind"::text AS "kind", "a"."entityId", "a"."speakerId", "a"."authorId", date_trunc('day', "a"."createdAt") AS "createdDay", ${sign} * count(*)::int AS "n"
      FROM "Annotation" AS "a" JOIN "Article" AS "ar" ON "ar"."id" = "a"."articleId"
     WHERE ${condition}
     GROUP BY 1, 2, 3, 4, 5`;
  if (!rollupAnswers(filter)) return live(readableMentionSql(actor, filter), Prisma.sql`1`);
  const days = Prisma.join(
    [Prisma.sql`"d"."count" <> 0`, ...(filter.from ? [Prisma.sql`"d"."articleDay" >= ${at(filter.from)}`] : []), ...(filter.to ? [Prisma.sql`"d"."articleDay" < ${at(filter.to)}`] : [])],
    " AND ",
  );
  // The rollup's columns are named as the Annotation's, so the layer rule reads them as it reads an annotation.
  const shared = Prisma.sql`
    SELECT "d"."kind"::text AS "kind", "d"."entityId", "d"."speakerId", "d"."authorId", "d"."createdDay", "d"."count" AS "n"
      FROM "InsightDaily" AS "d"
     WHERE ${days} AND ${whereSql("Annotation", "d", readableLayerWhere(actor))}`;
  const unopened = live(
    Prisma.sql`"glossa_insight_counts"("a"."visibility", "a"."deletedAt", "a"."anchorStatus") AND ${whereSql("Annotation", "a", readableLayerWhere(actor))}
      AND ${articleFilterSql("ar", filter)} AND NOT (${whereSql("Article", "ar", readableArticleWhere(actor))})`,
    Prisma.sql`-1`,
  );
  const ownPrivate = live(Prisma.sql`"a"."visibility" <> 'SHARED' AND ${readableMentionSql(actor, filter)}`, Prisma.sql`1`);
  return Prisma.sql`${shared} UNION ALL ${unopened} UNION ALL ${ownPrivate}`;
}

/**
 * Readable annotations per article, as signed rows `(articleId, slug, title, revision, n)` on the
 * filter's articles the actor may open: the per-article rollup over the layers they may read, plus
 * their own private work live.
 */
export function readableWorkPerArticleSql(actor: Actor | null, filter: InsightsFilter): Prisma.Sql {
  return Prisma.sql`
    SELECT "w"."articleId", "ar"."slug", "ar"."title", "ar"."revision", "w"."n"
      FROM (
        SELECT "d"."articleId", "d"."count" AS "n" FROM "InsightArticle" AS "d" WHERE "d"."count" <> 0 AND ${whereSql("Annotation", "d", readableLayerWhere(actor))}
        UNION ALL
        SELECT "a"."articleId", count(*)::int FROM "Annotation" AS "a" JOIN "Article" AS "ar" ON "ar"."id" = "a"."articleId"
         WHERE "a"."visibility" <> 'SHARED' AND ${readableMentionSql(actor, filter)} GROUP BY 1
      ) AS "w"
      JOIN "Article" AS "ar" ON "ar"."id" = "w"."articleId"
     WHERE ${whereSql("Article", "ar", readableArticleWhere(actor))} AND ${articleFilterSql("ar", filter)}`;
}

/** Notes the actor may read (aliased `n`) on the filter's articles they may open (`ar`). */
export function readableNoteSql(actor: Actor | null, filter: InsightsFilter): Prisma.Sql {
  return Prisma.sql`${whereSql("Note", "n", readableNoteWhere(actor))} AND ${whereSql("Article", "ar", readableArticleWhere(actor))} AND ${articleFilterSql("ar", filter)}`;
}
