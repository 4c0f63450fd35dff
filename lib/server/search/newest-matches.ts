import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/permissions";
import { ARTICLE_COLUMNS, articleMatchesSql, type ArticleRow } from "./hits-sql";
import { querySearchRows } from "./query-search-rows";

/** What a walk looks for: the tsquery (null: the filters alone) and the conditions on article "a". */
export interface WalkQuery {
  required: string | null;
  singleWord: boolean;
  conditions: Prisma.Sql;
}

/**
 * The first `limit` (null: all) readable articles matching the query and its conditions among the
 * `within` newest (null: all), most recently added first: a walk down the library's (createdAt, id)
 * index that stops at the limit, so a word in most articles costs what a rare one does. Each
 * article is checked on its own row (title and text vector, articleMatchesSql), its paragraphs
 * read only to confirm several words or a phrase where the vector holds them; the articles whose
 * annotations, names or notes match are found once per statement, through their tables' indexes.
 */
export async function newestMatches(walk: WalkQuery, actor: Actor | null, limit: number | null, within: number | null): Promise<ArticleRow[]> {
  return querySearchRows<ArticleRow>(Prisma.sql`
    SELECT ${ARTICLE_COLUMNS}, 0::float8 AS "rank"
    FROM ${within === null ? Prisma.sql`"Article"` : Prisma.sql`(SELECT * FROM "Article" ORDER BY "createdAt" DESC, "id" DESC LIMIT ${within})`} AS "a"
    WHERE ${walkedArticleSql(walk, actor)}
    ORDER BY "a"."createdAt" DESC, "a"."id" DESC ${limit === null ? Prisma.empty : Prisma.sql`LIMIT ${limit}`}`);
}

/**
 * Whether article "a" matches the query and its conditions, checked on its own row (the walk's
 * test, articleMatchesSql): what both a walk and a list of every match's id (matchArticleIds) ask.
 */
export function walkedArticleSql({ required, singleWord, conditions }: WalkQuery, actor: Actor | null): Prisma.Sql {
  return required ? Prisma.sql`${conditions} AND ${articleMatchesSql(required, singleWord, actor)}` : conditions;
}

/**
 * How many articles match, from a walk newest first that found `found` of them by `last`: their
 * share of the articles it passed, times the articles there are (the planner's estimate, kept
 * current by autovacuum: no count). About right for a common word spread over the years; rounded
 * to two significant digits, and never fewer than were found.
 */
export async function estimateMatches(found: number, last: ArticleRow): Promise<number> {
  const [[passed], [plan]] = await Promise.all([
    querySearchRows<{ count: number }>(Prisma.sql`SELECT count(*)::int AS "count" FROM "Article" WHERE ("createdAt", "id") >= (${last.createdAt}, ${last.id})`),
    querySearchRows<{ "QUERY PLAN": { Plan: { "Plan Rows": number } }[] }>(Prisma.sql`EXPLAIN (FORMAT JSON) SELECT 1 FROM "Article"`),
  ]);
  const articles = plan!["QUERY PLAN"][0]!.Plan["Plan Rows"];
  const estimate = (found / Math.max(passed!.count, found)) * articles;
  return Math.max(found, estimate >= 100 ? Number(estimate.toPrecision(2)) : Math.round(estimate));
}
