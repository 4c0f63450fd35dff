import "server-only";
import { db } from "@/lib/db";
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

/**
 * The filter's articles the actor may open (`opened`), or may not (`unopened`), as a subquery of
 * ids: the article rule is evaluated once per article, and the caller's rows join by id (a hashed
 * semi-join) instead of re-checking their article row by row.
 */
function articlesSql(actor: Actor | null, filter: InsightsFilter, which: "opened" | "unopened"): Prisma.Sql {
  const readable = whereSql("Article", "ar", readableArticleWhere(actor));
  return Prisma.sql`SELECT "ar"."id" FROM "Article" AS "ar" WHERE ${articleFilterSql("ar", filter)} AND ${which === "opened" ? readable : Prisma.sql`NOT (${readable})`}`;
}

/**
 * The project layers the actor may read, each as `coalesce(projectId, '')` ('' for work outside any
 * project): the layer rule evaluated once per layer (the projects, and none) rather than per row.
 */
function readableLayersSql(actor: Actor | null): Prisma.Sql {
  // The candidates are named as an annotation's column, so the layer rule reads them as it reads an annotation.
  return Prisma.sql`SELECT coalesce("l"."projectId", '') FROM (SELECT NULL::text AS "projectId" UNION ALL SELECT "id" FROM "Project") AS "l"
     WHERE ${whereSql("Annotation", "l", readableLayerWhere(actor))}`;
}

/**
 * Annotations (aliased `a`) the actor may read among entity mentions, on the filter's articles:
 * readableMentionWhere, its article condition applied once per article (articlesSql).
 */
export function readableMentionSql(actor: Actor | null, filter: InsightsFilter): Prisma.Sql {
  const { article, ...rest } = readableMentionWhere(actor);
  // The rule's article condition is readableArticleWhere; if that ever changes, fail rather than drop a condition.
  if (JSON.stringify(article) !== JSON.stringify(readableArticleWhere(actor))) throw new Error("readableMentionWhere no longer checks its article with readableArticleWhere");
  return Prisma.sql`${whereSql("Annotation", "a", rest)} AND "a"."articleId" IN (${articlesSql(actor, filter, "opened")})`;
}

/**
 * The filter's articles the actor may not open (archived, only in Closed projects they are not in),
 * when the rollups answer (none otherwise): their shared work is in the rollups and is taken out
 * again. Read once per page, before the sections, so each section's plan joins by a known list
 * (usually empty: then that part is left out).
 */
export async function listUnopenedArticles(actor: Actor | null, filter: InsightsFilter): Promise<string[]> {
  if (!rollupAnswers(filter)) return [];
  const rows = await db().$queryRaw<{ id: string }[]>(articlesSql(actor, filter, "unopened"));
  return rows.map((row) => row.id);
}

/** Whether the rollups can answer: the whole library or whole UTC days of it (the rollups count by day). */
function rollupAnswers(filter: InsightsFilter): boolean {
  return !filter.articleSlug && [filter.from, filter.to].every((bound) => !bound || bound.getTime() % DAY_MS === 0);
}

/**
 * The readable annotations of the filter as signed, grouped rows `(kind, entityId, speakerId,
 * authorId, createdDay, n)`: sum `n` over any grouping of them for the count of what the actor
 * may read (a group whose sum is 0 has nothing readable). `unopened`: listUnopenedArticles.
 */
export function readableWorkSql(actor: Actor | null, filter: InsightsFilter, unopened: readonly string[]): Prisma.Sql {
  const live = (condition: Prisma.Sql, sign: Prisma.Sql) => Prisma.sql`
    SELECT "a"."kind"::text AS "kind", "a"."entityId", "a"."speakerId", "a"."authorId", date_trunc('day', "a"."createdAt") AS "createdDay", ${sign} * count(*)::int AS "n"
      FROM "Annotation" AS "a"
     WHERE ${condition}
     GROUP BY 1, 2, 3, 4, 5`;
  if (!rollupAnswers(filter)) return live(readableMentionSql(actor, filter), Prisma.sql`1`);
  const days = Prisma.join(
    [Prisma.sql`"d"."count" <> 0`, ...(filter.from ? [Prisma.sql`"d"."articleDay" >= ${at(filter.from)}`] : []), ...(filter.to ? [Prisma.sql`"d"."articleDay" < ${at(filter.to)}`] : [])],
    " AND ",
  );
  const shared = Prisma.sql`
    SELECT "d"."kind"::text AS "kind", "d"."entityId", "d"."speakerId", "d"."authorId", "d"."createdDay", "d"."count" AS "n"
      FROM "InsightDaily" AS "d"
     WHERE ${days} AND coalesce("d"."projectId", '') IN (${readableLayersSql(actor)})`;
  const taken = live(
    Prisma.sql`"a"."articleId" = ANY(${unopened}::text[]) AND "glossa_insight_counts"("a"."visibility", "a"."deletedAt", "a"."anchorStatus")
      AND coalesce("a"."projectId", '') IN (${readableLayersSql(actor)})`,
    Prisma.sql`-1`,
  );
  const ownPrivate = live(Prisma.sql`"a"."visibility" <> 'SHARED' AND ${readableMentionSql(actor, filter)}`, Prisma.sql`1`);
  return Prisma.join([shared, ...(unopened.length > 0 ? [taken] : []), ...(actor ? [ownPrivate] : [])], " UNION ALL ");
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
        SELECT "d"."articleId", "d"."count" AS "n" FROM "InsightArticle" AS "d" WHERE "d"."count" <> 0 AND coalesce("d"."projectId", '') IN (${readableLayersSql(actor)})
        UNION ALL
        SELECT "a"."articleId", count(*)::int FROM "Annotation" AS "a" WHERE "a"."visibility" <> 'SHARED' AND ${readableMentionSql(actor, filter)} GROUP BY 1
      ) AS "w"
      JOIN "Article" AS "ar" ON "ar"."id" = "w"."articleId"
     WHERE "ar"."id" IN (${articlesSql(actor, filter, "opened")})`;
}

/** Notes (aliased `n`) the actor may read on the filter's articles they may open. */
export function readableNoteSql(actor: Actor | null, filter: InsightsFilter): Prisma.Sql {
  return Prisma.sql`${whereSql("Note", "n", readableNoteWhere(actor))} AND "n"."articleId" IN (${articlesSql(actor, filter, "opened")})`;
}
