import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/permissions";
import { readableMentionWhere, readableNoteWhere } from "@/lib/permissions/where";
import { whereSql } from "./where-sql";

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
}

/** Joins hits to their article, keeping only paragraphs of its current revision. */
export const ON_ARTICLE = Prisma.sql`JOIN "Article" AS "a" ON "a"."id" = "h"."articleId" AND ("h"."revision" IS NULL OR "h"."revision" = "a"."revision")`;

/**
 * Every place a tsquery matches, one row each (articleId, source, refId, position, annotationId,
 * rank, and a paragraph's revision to check against its article's: see ON_ARTICLE), within the
 * read rules of the annotations and notes: paragraphs, titles, and the places of sideHitsSql.
 * The article's own read rule is the caller's, applied once per article. `articles`, a
 * comparison such as `= ANY(<ids>)` or `= "a"."id"`, narrows it to some articles (a page's, or
 * the one an outer query is at): their paragraphs and titles are then read through the article
 * (OFFSET 0 keeps the query's words out of that scan), never through the GIN index, whose bitmap
 * for common words is every paragraph holding them (for "он он", 119,000 paragraphs read to
 * find a page's 18: 200 ms). A title's match weighs double.
 */
export function hitsSql(tsquery: string, actor: Actor | null, articles: Prisma.Sql | null): Prisma.Sql {
  const q = Prisma.sql`${tsquery}::tsquery`;
  return Prisma.sql`
    SELECT "p"."articleId", 'paragraph' AS "source", "p"."id" AS "refId", "p"."position", NULL::text AS "annotationId", ts_rank("p"."searchVector", ${q}) AS "rank", "p"."revision"
      FROM ${articles ? Prisma.sql`(SELECT * FROM "Paragraph" AS "p" WHERE "p"."articleId" ${articles} OFFSET 0)` : Prisma.sql`"Paragraph"`} AS "p"
      WHERE "p"."searchVector" @@ ${q}
    UNION ALL
    SELECT "t"."id", 'title', "t"."id", 0, NULL, ts_rank("t"."titleVector", ${q}) * 2, NULL
      FROM ${articles ? Prisma.sql`(SELECT * FROM "Article" AS "t" WHERE "t"."id" ${articles} OFFSET 0)` : Prisma.sql`"Article"`} AS "t"
      WHERE "t"."titleVector" @@ ${q}
    UNION ALL
    ${sideHitsSql(tsquery, actor, articles)}`;
}

/**
 * The places of hitsSql that are not the article's own text (paragraphs and title): the quoted
 * words of readable annotations, the names of the entities they tag and of the speakers they
 * quote, and readable notes. These are per viewer (private work), so no article vector holds
 * them. Annotation matches weigh less: their words are also their paragraph's, which is the
 * better snippet; a name's match counts half (it is the tag's, not the words').
 */
export function sideHitsSql(tsquery: string, actor: Actor | null, articles: Prisma.Sql | null): Prisma.Sql {
  return Prisma.join(
    sidePlaces(tsquery, actor, articles).map(({ source, tables, where, rank, annotationId, alias }) => {
      const [row, at] = [Prisma.raw(`"${alias}"`), Prisma.raw(`"${alias}p"`)];
      return Prisma.sql`SELECT ${row}."articleId", ${Prisma.raw(`'${source}'`)} AS "source", ${row}."id" AS "refId", ${at}."position", ${annotationId} AS "annotationId", ${rank} AS "rank", NULL::int AS "revision"
      FROM ${tables} JOIN "Paragraph" AS ${at} ON ${at}."id" = ${row}."paragraphId" WHERE ${where}`;
    }),
    "\n    UNION ALL\n    ",
  );
}

/**
 * The articles of sideHitsSql's places, one row per place: what a walk needs to know of them. No
 * paragraph is read (a place's position is only for its snippet): for a common word that join
 * was most of the walk ("что": 1,576 highlights, a paragraph lookup each, 14 of 26 ms). The
 * annotations whose words, tagged entity or speaker match are one scan (a BitmapOr of the words'
 * GIN index and the entityId and speakerId indexes), so their read rule is planned once, not three times.
 */
function sideArticlesSql(tsquery: string, actor: Actor | null): Prisma.Sql {
  const q = Prisma.sql`${tsquery}::tsquery`;
  const named = Prisma.sql`ARRAY(SELECT "e"."id" FROM "Entity" AS "e" WHERE "e"."searchVector" @@ ${q})`;
  const note = sidePlaces(tsquery, actor, null).find((place) => place.source === "note")!;
  return Prisma.sql`SELECT "m"."articleId" FROM "Annotation" AS "m"
      WHERE ("m"."searchVector" @@ ${q} OR "m"."entityId" = ANY(${named}) OR "m"."speakerId" = ANY(${named})) AND ${mentionSql(actor)}
    UNION ALL
    SELECT "n"."articleId" FROM ${note.tables} WHERE ${note.where}`;
}

/** One kind of sideHitsSql's places: where its rows come from (row alias `alias`), which are readable matches, and what they weigh. */
interface SidePlace {
  source: "annotation" | "entity" | "speaker" | "note";
  alias: "m" | "n";
  tables: Prisma.Sql;
  where: Prisma.Sql;
  rank: Prisma.Sql;
  annotationId: Prisma.Sql;
}

function sidePlaces(tsquery: string, actor: Actor | null, articles: Prisma.Sql | null): SidePlace[] {
  const q = Prisma.sql`${tsquery}::tsquery`;
  const mention = mentionSql(actor);
  const named = (key: "entityId" | "speakerId") => Prisma.sql`"Entity" AS "e" JOIN "Annotation" AS "m" ON "m".${Prisma.raw(`"${key}"`)} = "e"."id"`;
  const mentionOf = (vector: Prisma.Sql) => Prisma.sql`${vector} @@ ${q} AND ${mention} ${only("m", articles)}`;
  const nameRank = Prisma.sql`ts_rank("e"."searchVector", ${q}) * 0.5`;
  return [
    {
      source: "annotation",
      alias: "m",
      tables: Prisma.sql`"Annotation" AS "m"`,
      where: mentionOf(Prisma.sql`"m"."searchVector"`),
      rank: Prisma.sql`ts_rank("m"."searchVector", ${q}) * 0.25`,
      annotationId: Prisma.sql`"m"."id"`,
    },
    { source: "entity", alias: "m", tables: named("entityId"), where: mentionOf(Prisma.sql`"e"."searchVector"`), rank: nameRank, annotationId: Prisma.sql`"m"."id"` },
    { source: "speaker", alias: "m", tables: named("speakerId"), where: mentionOf(Prisma.sql`"e"."searchVector"`), rank: nameRank, annotationId: Prisma.sql`"m"."id"` },
    {
      source: "note",
      alias: "n",
      tables: Prisma.sql`"Note" AS "n"`,
      where: Prisma.sql`"n"."searchVector" @@ ${q} AND ${whereSql("Note", "n", readableNoteWhere(actor))} ${only("n", articles)}`,
      rank: Prisma.sql`ts_rank("n"."searchVector", ${q})`,
      annotationId: Prisma.sql`"n"."annotationId"`,
    },
  ];
}

/** `AND "<alias>"."articleId" <articles>`, or nothing when every article is searched. */
function only(alias: string, articles: Prisma.Sql | null): Prisma.Sql {
  return articles ? Prisma.sql`AND ${Prisma.raw(`"${alias}"."articleId"`)} ${articles}` : Prisma.empty;
}

/**
 * The mention rule for annotation "m" on an article whose own read rule the query checks once,
 * on the article (so not again for every annotation).
 */
export function mentionSql(actor: Actor | null): Prisma.Sql {
  const { article: _article, ...onItsArticle } = readableMentionWhere(actor);
  return whereSql("Annotation", "m", onItsArticle);
}

/**
 * Whether article "a" (of the current revision) matches `tsquery` somewhere, as hitsSql would
 * find it, checked through the article's own row first: its title, then its text vector (all its
 * paragraphs' lemmas: one row instead of a probe per source), confirmed on its paragraphs only
 * when it passes and the query is more than one word (`singleWord`: the vector then answers
 * exactly; an article without one, a text too long for a vector to keep its positions or one
 * written by a loader that bypasses the app, is checked on its paragraphs); its annotations,
 * names and notes through the articles of sideHitsSql (sideArticlesSql), an uncorrelated subquery PostgreSQL
 * computes once per statement (a hashed SubPlan) through those tables' indexes.
 */
export function articleMatchesSql(tsquery: string, singleWord: boolean, actor: Actor | null): Prisma.Sql {
  const q = Prisma.sql`${tsquery}::tsquery`;
  const inText = Prisma.sql`EXISTS (${paragraphMatchSql(q)})`;
  return Prisma.sql`(coalesce("a"."titleVector" @@ ${q}, false)
    OR CASE WHEN "a"."textVector" IS NULL THEN ${inText} WHEN "a"."textVector" @@ ${q} THEN ${singleWord ? Prisma.sql`TRUE` : inText} ELSE FALSE END
    OR "a"."id" IN (SELECT "s"."articleId" FROM (${sideArticlesSql(tsquery, actor)}) AS "s"))`;
}

/**
 * A paragraph of article "a"'s current revision that `tsquery` (SQL) matches, for EXISTS: read
 * through the article's own paragraphs. OFFSET 0 keeps it a per-article probe: without it,
 * PostgreSQL may turn the EXISTS into a hashed set of every paragraph the query matches in the
 * library (for "что на", 135,000 read to confirm a page of 21 articles: 1.4 s).
 */
export function paragraphMatchSql(tsquery: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`SELECT 1 FROM "Paragraph" AS "p" WHERE "p"."articleId" = "a"."id" AND "p"."revision" = "a"."revision" AND "p"."searchVector" @@ ${tsquery} OFFSET 0`;
}
