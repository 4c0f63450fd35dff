import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { ARTICLE_COLUMNS, articleMatchesSql, SIDE_ARTICLE, sideArticlesCte, type ArticleRow } from "./hits-sql";
import { querySearchRows } from "./query-search-rows";
import type { SearchRules } from "./search-rules";

/** What a walk looks for: the tsquery (null: the filters alone) and the conditions on article "a". */
export interface WalkQuery {
  required: string | null;
  singleWord: boolean;
  conditions: Prisma.Sql;
  /** The reader's rules, which `conditions` use. */
  rules: SearchRules;
}

/** An article a walk found, and what estimateMatches needs of the last one. */
export interface WalkedArticle extends ArticleRow {
  /** How many of the newest articles the walk had passed on reaching it; null when it walked the whole library. */
  passed: number | null;
  /** How many articles the library has, as the planner estimates it (no count). */
  libraryEstimate: number;
}

/**
 * The first `limit` (null: all) readable articles matching the query and its conditions among the
 * `within` newest (null: all), most recently added first: a walk down the library's (createdAt, id)
 * index that stops at the limit, so a word in most articles costs what a rare one does. Each
 * article is checked on its own row (title and text vector, articleMatchesSql), its paragraphs
 * read only to confirm several words or a phrase where the vector holds them; the articles whose
 * annotations, names or notes match are found once per statement, through their tables' indexes.
 * A bounded walk numbers the articles it passes, so its estimate needs no statement of its own.
 */
export async function newestMatches(walk: WalkQuery, limit: number | null, within: number | null): Promise<WalkedArticle[]> {
  const newest = Prisma.sql`ORDER BY "createdAt" DESC, "id" DESC`;
  const walked = walkedArticleSql(walk);
  return querySearchRows<WalkedArticle>(Prisma.sql`
    WITH ${walked.with}
    SELECT ${ARTICLE_COLUMNS}, 0::float8 AS "rank", ${walk.required ? SIDE_ARTICLE : Prisma.sql`FALSE`} AS "sideHit",
      ${within === null ? Prisma.sql`NULL::int` : Prisma.sql`"a"."passed"`} AS "passed", ${LIBRARY_ESTIMATE} AS "libraryEstimate"
    FROM ${within === null ? Prisma.sql`"Article"` : Prisma.sql`(SELECT *, row_number() OVER (${newest})::int AS "passed" FROM "Article" ${newest} LIMIT ${within})`} AS "a"
    WHERE ${walked.where}
    ORDER BY "a"."createdAt" DESC, "a"."id" DESC ${limit === null ? Prisma.empty : Prisma.sql`LIMIT ${limit}`}`);
}

/**
 * Whether article "a" matches the query and its conditions, checked on its own row (the walk's
 * test, articleMatchesSql): what both a walk and a list of every match's id (matchArticleIds)
 * ask. `with` is the CTEs that test reads, to follow the statement's WITH.
 */
export function walkedArticleSql({ required, singleWord, conditions, rules }: WalkQuery): { with: Prisma.Sql; where: Prisma.Sql } {
  if (!required) return { with: rules.with, where: conditions };
  return { with: Prisma.sql`${rules.with}, ${sideArticlesCte(required, rules)}`, where: Prisma.sql`${conditions} AND ${articleMatchesSql(required, singleWord)}` };
}

/**
 * The articles there are, from the statistics ANALYZE and autovacuum keep (no rows read); counted
 * only in a library never analysed (a new, small one).
 */
const LIBRARY_ESTIMATE = Prisma.sql`(SELECT CASE WHEN "c"."reltuples" >= 0 THEN "c"."reltuples"::float8 ELSE (SELECT count(*) FROM "Article")::float8 END
      FROM "pg_class" AS "c" WHERE "c"."oid" = '"Article"'::regclass)`;

/**
 * How many articles match, from a walk newest first that found `found` of them by `last`: their
 * share of the articles it passed, times the articles there are. About right for a common word
 * spread over the years; rounded to two significant digits, and never fewer than were found.
 */
export async function estimateMatches(found: number, last: WalkedArticle): Promise<number> {
  const passed =
    last.passed ??
    (await querySearchRows<{ count: number }>(Prisma.sql`SELECT count(*)::int AS "count" FROM "Article" WHERE ("createdAt", "id") >= (${last.createdAt}, ${last.id})`))[0]!.count;
  const estimate = (found / Math.max(passed, found)) * last.libraryEstimate;
  return Math.max(found, estimate >= 100 ? Number(estimate.toPrecision(2)) : Math.round(estimate));
}
