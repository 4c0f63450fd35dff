import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SearchRules } from "./search-rules";

/** What search reads of a matching article "a", with its rank. */
export const ARTICLE_COLUMNS = Prisma.sql`"a"."id", "a"."slug", "a"."title", "a"."language", "a"."publishedAt", "a"."createdAt", "a"."revision"`;

export interface ArticleRow {
  id: string;
  slug: string;
  title: string;
  language: string;
  publishedAt: Date | null;
  createdAt: Date;
  revision: number;
  rank: number;
  /**
   * Whether one of its readable annotations, tagged names, speakers or notes matches (sideHitsSql):
   * only then are those searched again for its snippets.
   */
  sideHit: boolean;
}

/** Joins hits to their article, keeping only paragraphs of its current revision. */
export const ON_ARTICLE = Prisma.sql`JOIN "Article" AS "a" ON "a"."id" = "h"."articleId" AND ("h"."revision" IS NULL OR "h"."revision" = "a"."revision")`;

/** Whether a group of hitsSql rows "h" has a place of sideHitsSql: ArticleRow.sideHit. */
export const SIDE_HIT = Prisma.sql`bool_or("h"."source" NOT IN ('paragraph', 'title'))`;

/**
 * Every place a tsquery matches in the library, one row each (articleId, source, refId, position,
 * annotationId, rank, and a paragraph's revision to check against its article's: see ON_ARTICLE),
 * within the read rules of the annotations and notes: paragraphs, titles, and the places of
 * sideHitsSql. The article's own read rule is the caller's, applied once per article. A title's
 * match weighs double.
 */
export function hitsSql(tsquery: string, rules: SearchRules): Prisma.Sql {
  const q = Prisma.sql`${tsquery}::tsquery`;
  return Prisma.sql`
    ${paragraphHitsSql(tsquery, null)}
    UNION ALL
    SELECT "t"."id", 'title', "t"."id", 0, NULL, ts_rank("t"."titleVector", ${q}) * 2, NULL FROM "Article" AS "t" WHERE "t"."titleVector" @@ ${q}
    UNION ALL
    ${sideHitsSql(tsquery, rules, null)}`;
}

/**
 * hitsSql's paragraphs (every revision's: see ON_ARTICLE). `articles`, a comparison such as
 * `= ANY(<ids>)`, narrows them to some articles (a page's): their paragraphs are then read
 * through the article (OFFSET 0 keeps the query's words out of that scan), never through the GIN
 * index, whose bitmap for common words is every paragraph holding them (for "он он", 119,000
 * paragraphs read to find a page's 18: 200 ms).
 */
export function paragraphHitsSql(tsquery: string, articles: Prisma.Sql | null): Prisma.Sql {
  const q = Prisma.sql`${tsquery}::tsquery`;
  return Prisma.sql`SELECT "p"."articleId", 'paragraph' AS "source", "p"."id" AS "refId", "p"."position", NULL::text AS "annotationId", ts_rank("p"."searchVector", ${q}) AS "rank", "p"."revision"
      FROM ${articles ? Prisma.sql`(SELECT * FROM "Paragraph" AS "p" WHERE "p"."articleId" ${articles} OFFSET 0)` : Prisma.sql`"Paragraph"`} AS "p"
      WHERE "p"."searchVector" @@ ${q}`;
}

/**
 * The places of hitsSql that are not the article's own text (paragraphs and title): the quoted
 * words of readable annotations, the names of the entities they tag and of the speakers they
 * quote, and readable notes. These are per viewer (private work), so no article vector holds
 * them. Annotation matches weigh less: their words are also their paragraph's, which is the
 * better snippet; a name's match counts half (it is the tag's, not the words'). The annotations
 * are one branch (annotationMatchSql finds them in one scan) with one row per way each matched,
 * so their read rule is planned once, not once per way.
 */
export function sideHitsSql(tsquery: string, rules: SearchRules, articles: Prisma.Sql | null): Prisma.Sql {
  const q = Prisma.sql`${tsquery}::tsquery`;
  const nameRank = (key: "entityId" | "speakerId") =>
    Prisma.sql`(SELECT ts_rank("e"."searchVector", ${q}) * 0.5 FROM "Entity" AS "e" WHERE "e"."id" = "m".${Prisma.raw(`"${key}"`)} AND "e"."searchVector" @@ ${q})`;
  return Prisma.sql`SELECT "m"."articleId", "w"."source", "m"."id" AS "refId", "mp"."position", "m"."id" AS "annotationId", "w"."rank", NULL::int AS "revision"
      FROM "Annotation" AS "m" JOIN "Paragraph" AS "mp" ON "mp"."id" = "m"."paragraphId"
      CROSS JOIN LATERAL (VALUES ('annotation', CASE WHEN "m"."searchVector" @@ ${q} THEN ts_rank("m"."searchVector", ${q}) * 0.25 END),
        ('entity', ${nameRank("entityId")}), ('speaker', ${nameRank("speakerId")})) AS "w" ("source", "rank")
      WHERE ${annotationMatchSql(tsquery, rules)} ${only("m", articles)} AND "w"."rank" IS NOT NULL
    UNION ALL
    SELECT "n"."articleId", 'note', "n"."id", "np"."position", "n"."annotationId", ts_rank("n"."searchVector", ${q}), NULL
      FROM "Note" AS "n" JOIN "Paragraph" AS "np" ON "np"."id" = "n"."paragraphId" WHERE ${noteMatchSql(tsquery, rules)} ${only("n", articles)}`;
}

/**
 * The articles of sideHitsSql's places, one row per place: what a walk needs to know of them. No
 * paragraph is read (a place's position is only for its snippet): for a common word that join
 * was most of the walk ("что": 1,576 highlights, a paragraph lookup each, 14 of 26 ms).
 */
function sideArticlesSql(tsquery: string, rules: SearchRules): Prisma.Sql {
  return Prisma.sql`SELECT "m"."articleId" FROM "Annotation" AS "m" WHERE ${annotationMatchSql(tsquery, rules)}
    UNION ALL
    SELECT "n"."articleId" FROM "Note" AS "n" WHERE ${noteMatchSql(tsquery, rules)}`;
}

/**
 * Readable annotation "m" whose quoted words, tagged entity or speaker match: one scan (a
 * BitmapOr of the words' GIN index and the entityId and speakerId indexes).
 */
function annotationMatchSql(tsquery: string, rules: SearchRules): Prisma.Sql {
  const q = Prisma.sql`${tsquery}::tsquery`;
  const named = Prisma.sql`ARRAY(SELECT "e"."id" FROM "Entity" AS "e" WHERE "e"."searchVector" @@ ${q})`;
  return Prisma.sql`("m"."searchVector" @@ ${q} OR "m"."entityId" = ANY(${named}) OR "m"."speakerId" = ANY(${named})) AND ${rules.mention}`;
}

/** Readable note "n" whose words match. */
function noteMatchSql(tsquery: string, rules: SearchRules): Prisma.Sql {
  return Prisma.sql`"n"."searchVector" @@ ${tsquery}::tsquery AND ${rules.note}`;
}

/** `AND "<alias>"."articleId" <articles>`, or nothing when every article is searched. */
function only(alias: string, articles: Prisma.Sql | null): Prisma.Sql {
  return articles ? Prisma.sql`AND ${Prisma.raw(`"${alias}"."articleId"`)} ${articles}` : Prisma.empty;
}

/**
 * Whether article "a" (of the current revision) matches `tsquery` somewhere, as hitsSql would
 * find it, checked through the article's own row first: its title, then its text vector (all its
 * paragraphs' lemmas: one row instead of a probe per source), confirmed on its paragraphs only
 * when it passes and the query is more than one word (`singleWord`: the vector then answers
 * exactly; an article without one, a text too long for a vector to keep its positions or one
 * written by a loader that bypasses the app, is checked on its paragraphs); its annotations,
 * names and notes through the statement's CTE "side" (sideArticlesCte), which PostgreSQL
 * computes once per statement through those tables' indexes.
 */
export function articleMatchesSql(tsquery: string, singleWord: boolean): Prisma.Sql {
  const q = Prisma.sql`${tsquery}::tsquery`;
  const inText = Prisma.sql`EXISTS (${paragraphMatchSql(q)})`;
  return Prisma.sql`(coalesce("a"."titleVector" @@ ${q}, false)
    OR CASE WHEN "a"."textVector" IS NULL THEN ${inText} WHEN "a"."textVector" @@ ${q} THEN ${singleWord ? Prisma.sql`TRUE` : inText} ELSE FALSE END
    OR ${SIDE_ARTICLE})`;
}

/** The CTE "side" of articleMatchesSql and SIDE_ARTICLE: the articles of sideHitsSql's places. */
export function sideArticlesCte(tsquery: string, rules: SearchRules): Prisma.Sql {
  return Prisma.sql`"side" AS (${sideArticlesSql(tsquery, rules)})`;
}

/** Whether article "a" is one of the CTE "side" (sideArticlesCte): ArticleRow.sideHit. */
export const SIDE_ARTICLE = Prisma.sql`"a"."id" IN (SELECT "side"."articleId" FROM "side")`;

/**
 * A paragraph of article "a"'s current revision that `tsquery` (SQL) matches, for EXISTS: read
 * through the article's own paragraphs. OFFSET 0 keeps it a per-article probe: without it,
 * PostgreSQL may turn the EXISTS into a hashed set of every paragraph the query matches in the
 * library (for "что на", 135,000 read to confirm a page of 21 articles: 1.4 s).
 */
export function paragraphMatchSql(tsquery: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`SELECT 1 FROM "Paragraph" AS "p" WHERE "p"."articleId" = "a"."id" AND "p"."revision" = "a"."revision" AND "p"."searchVector" @@ ${tsquery} OFFSET 0`;
}
