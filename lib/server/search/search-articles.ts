import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { findMentions, type TextSpan } from "@/lib/morphology";
import { canReadLibrary, type Actor } from "@/lib/permissions";
import { readPolicy } from "@/lib/permissions/policy";
import { readableArticleWhere, readableMentionWhere, readableNoteWhere } from "@/lib/permissions/where";
import { noteSearchText } from "@/lib/search/documents";
import { hasAnyFilter, parseSearchQuery, type QueryError, type SearchFilters, type SearchTerm } from "@/lib/search/query";
import { searchTsquery } from "@/lib/search/tsquery";
import { forbidden } from "@/lib/server/errors";
import { whereSql } from "./where-sql";

export const SEARCH_PAGE_SIZE = 20;
/** The best matches shown under each article. */
const SNIPPETS_PER_ARTICLE = 3;
/** A snippet longer than this is cut around its first match. */
const SNIPPET_LENGTH = 320;
/** Pages beyond this are refused quietly (page 1 instead): nobody reads 20,000 results. */
const MAX_PAGE = 1_000;

/**
 * How much work one search may do. A query whose words are found in at most `rankedHits` places
 * (paragraphs, titles, highlights, names, notes) is ranked whole, best first, and counted
 * exactly. One found in more (a common word: at 100,000 articles "переговоры" is in 130,000
 * paragraphs) is not ranked, since ranking means reading every match: its articles are listed
 * most recently added first, walking the library's newest-first index and stopping once the
 * page is full, and their number is estimated from how many articles that walk passed. Its
 * first `listed` matches can be paged through.
 */
export interface SearchLimits {
  rankedHits: number;
  listed: number;
}

/** The newest matches of a query too common to rank that can be paged through (50 pages). */
export const SEARCH_LISTED = 1_000;
const LIMITS: SearchLimits = { rankedHits: 1_000, listed: SEARCH_LISTED };

const searchInput = z.object({
  q: z.string().catch(""),
  page: z.coerce.number().int().min(1).max(MAX_PAGE).catch(1),
});

/** Where a match was found: the text, an annotation's quoted words, a tagged entity's name, a quote's speaker, or a note. */
export type SnippetSource = "paragraph" | "annotation" | "entity" | "speaker" | "note";

/** A match under an article, with the words that matched the query marked (offsets into `text`). */
export interface SearchSnippet {
  source: SnippetSource;
  /** The fragment to link to: `p-N` (a paragraph) or `a-<id>` (an annotation, or the one a note is on). */
  anchor: string;
  /** 1-based position of the paragraph it is in. */
  position: number;
  /**
   * The project layer an annotation or note hit belongs to (null: the text itself, or work made
   * outside projects): its link opens the article in that layer (articleHref, lib/projects/layer-link.ts).
   */
  layer: string | null;
  /** What it is, for a match that is not the text itself: "Note by Anna", "Person: Ирина Соболева", … */
  label: string | null;
  text: string;
  /** True when `text` is cut from a longer one (show an ellipsis). */
  cutBefore: boolean;
  cutAfter: boolean;
  marks: TextSpan[];
}

export interface SearchResult {
  slug: string;
  title: string;
  /** The query's words in the title. */
  titleMarks: TextSpan[];
  language: string;
  /** Publication date, else the import date. */
  date: Date;
  snippets: SearchSnippet[];
}

export interface SearchOutcome {
  query: string;
  /** Problems to show beside the query (bad filter values, a query of exclusions alone). */
  errors: QueryError[];
  /** False when nothing was searched for (empty query, or nothing but exclusions). */
  searched: boolean;
  /** Matching articles: exactly, or when `estimated` about that many (two significant digits). */
  total: number;
  /** True when `total` is an estimate (a query too common to count: order "newest"). */
  estimated: boolean;
  /** "relevance": best first; "newest": most recently added first (filters alone, or `unranked`). */
  order: "relevance" | "newest";
  /** True when words were searched for but found in too many places to rank (SearchLimits). */
  unranked: boolean;
  page: number;
  pageCount: number;
  results: SearchResult[];
}

/**
 * Full-text search over what this reader may read: the current text and title of the articles
 * they may open, the quoted words of the annotations and the notes they may see, and the names of
 * the entities those annotations tag or quote. Every word of the query in some inflected form
 * (lemmas, lib/morphology), phrases adjacent and in order, all in one paragraph, title, note or
 * name; no article with an excluded word; filters entity:, type:, said:, user:, colour:, has:,
 * lang:, after:, before: (a filter alone lists the articles it allows, newest first). Articles
 * are ranked by their best match, 20 a page, each with its best matches as snippets and the
 * matched words marked (computed in Node with the same lemmatiser: the index holds lemmas, so
 * ts_headline cannot). The work is bounded whatever the library's size (SearchLimits): a query
 * found in too many places lists the newest matching articles first, its number estimated; only
 * the page's articles get snippets.
 *
 * The read rules of lib/permissions/where.ts are part of each SQL statement (whereSql), so
 * counts and pages never include, even briefly, what the reader may not see.
 */
export async function searchArticles({ actor, input, limits = LIMITS }: { actor: Actor | null; input: unknown; limits?: SearchLimits }): Promise<SearchOutcome> {
  const { q, page } = searchInput.parse(input);
  const { errors, positive, required, conditions } = prepareSearch(actor, q);
  const none = { query: q, errors, total: 0, estimated: false, order: "relevance" as const, unranked: false, page, pageCount: 0, results: [] };
  if (!conditions) return { ...none, searched: false };

  const offset = (page - 1) * SEARCH_PAGE_SIZE;
  // Down to this page's last match, and one more to know whether another follows.
  const wanted = Math.min(offset + SEARCH_PAGE_SIZE, limits.listed);
  // A query the planner expects in many times more places than may be ranked is not probed: the
  // probe would read rankedHits + 1 matches (a phrase of common words, every paragraph with both
  // words) only to learn what the statistics already say.
  const probe = required !== null && (await estimatedParagraphHits(required)) <= limits.rankedHits * SURELY_COMMON;
  let ranked = required && probe ? await rankedIfFew(required, conditions, actor, limits.rankedHits) : null;
  // Too common to rank: the newest matches, if they are dense enough among the newest articles
  // to fill the page within a walk of WALK_PER_ROW articles a row. Otherwise (a common word and a
  // rare filter, or a phrase of two common words) the walk would read much of the library for a
  // few rows, and ranking every match costs less.
  const newest = required && !ranked ? await newestMatches(required, conditions, actor, wanted + 1, (wanted + 1) * WALK_PER_ROW) : null;
  if (required && newest && newest.length <= wanted) ranked = await rankedAll(required, conditions, actor);
  let rows: ArticleRow[];
  let total: number;
  let pageCount: number;
  let estimated = false;
  if (ranked) {
    rows = ranked.slice(offset, offset + SEARCH_PAGE_SIZE);
    total = ranked.length;
    pageCount = Math.ceil(total / SEARCH_PAGE_SIZE);
  } else {
    const listedPages = Math.ceil(limits.listed / SEARCH_PAGE_SIZE);
    const found = newest ?? (await newestMatches(null, conditions, actor, wanted + 1, null));
    rows = found.slice(offset, wanted);
    estimated = found.length > wanted;
    total = estimated ? await estimateMatches(found.length, found.at(-1)!) : found.length;
    pageCount = estimated ? Math.min(listedPages, Math.max(Math.ceil(total / SEARCH_PAGE_SIZE), page + 1)) : Math.ceil(total / SEARCH_PAGE_SIZE);
  }

  const snippets = required ? await bestSnippets(rows, required, positive, actor) : new Map<string, SearchSnippet[]>();
  const results = rows.map((article) => ({
    slug: article.slug,
    title: article.title,
    titleMarks: markedSpans(article.title, positive, article.language),
    language: article.language,
    date: article.publishedAt ?? article.createdAt,
    snippets: snippets.get(article.id) ?? [],
  }));
  return { ...none, searched: true, total, estimated, order: ranked ? "relevance" : "newest", unranked: required !== null && !ranked, pageCount, results };
}

const ARTICLE_COLUMNS = Prisma.sql`"a"."id", "a"."slug", "a"."title", "a"."language", "a"."publishedAt", "a"."createdAt", "a"."revision"`;

/**
 * How many times more paragraphs than SearchLimits.rankedHits the planner must expect a query in
 * for it to be treated as too common to rank without a probe. The estimate errs mostly upwards
 * (a phrase is estimated as its words anywhere in the paragraph; a word too rare for the column's
 * list of common lexemes gets a small default share), so a generous factor keeps a query that
 * might be rankable on the probe.
 */
const SURELY_COMMON = 5;

/**
 * The planner's estimate of the paragraphs a tsquery matches, from the column's statistics (the
 * most common lexemes and their frequencies, kept by ANALYZE/autovacuum): no rows are read.
 */
async function estimatedParagraphHits(tsquery: string): Promise<number> {
  const [plan] = await db().$queryRaw<{ "QUERY PLAN": { Plan: { "Plan Rows": number } }[] }[]>`
    EXPLAIN (FORMAT JSON) SELECT 1 FROM "Paragraph" WHERE "searchVector" @@ ${tsquery}::tsquery`;
  return plan!["QUERY PLAN"][0]!.Plan["Plan Rows"];
}

/** Articles a walk down the newest may pass per row it is to find (see searchArticles). */
const WALK_PER_ROW = 50;

/**
 * Every readable article matching `tsquery` and `conditions`, best first, when the query is found
 * in at most `rankedHits` places; null when it is found in more (then nothing was ranked). Reads
 * at most `rankedHits + 1` matches, whatever the library's size.
 */
async function rankedIfFew(tsquery: string, conditions: Prisma.Sql, actor: Actor | null, rankedHits: number): Promise<ArticleRow[] | null> {
  const rows = await db().$queryRaw<({ hits: number } & (ArticleRow | { [K in keyof ArticleRow]: null }))[]>`
    WITH "h" AS MATERIALIZED (SELECT * FROM (${hitsSql(tsquery, actor, null)}) AS "all" LIMIT ${rankedHits + 1})
    SELECT "n"."hits", "c".* FROM (SELECT count(*)::int AS "hits" FROM "h") AS "n"
      LEFT JOIN (${groupedSql(Prisma.sql`"h"`, conditions)}) AS "c" ON TRUE
      ${RANKED}`;
  if ((rows[0]?.hits ?? 0) > rankedHits) return null;
  return rows.filter((row): row is { hits: number } & ArticleRow => row.id !== null);
}

/**
 * Every readable article matching `tsquery` and `conditions`, best first. Not materialised, so the
 * planner may start from the articles the filters allow (a rare colour, notes) and read only
 * their matches, rather than every match of a common word.
 */
async function rankedAll(tsquery: string, conditions: Prisma.Sql, actor: Actor | null): Promise<ArticleRow[]> {
  return db().$queryRaw<ArticleRow[]>`SELECT "c".* FROM (${groupedSql(Prisma.sql`(${hitsSql(tsquery, actor, null)}) AS "h"`, conditions)}) AS "c" ${RANKED}`;
}

/**
 * The first `limit` (null: all) readable articles matching `tsquery` (or, null, the filters alone)
 * and `conditions` among the `within` newest (null: all), most recently added first: a walk down the library's (createdAt, id) index that
 * checks each article's matches through its own rows' indexes and stops at the limit, so a word
 * in most articles costs what a rare one does.
 */
async function newestMatches(tsquery: string | null, conditions: Prisma.Sql, actor: Actor | null, limit: number | null, within: number | null): Promise<ArticleRow[]> {
  const matched = tsquery
    ? Prisma.sql`AND EXISTS (SELECT 1 FROM (${hitsSql(tsquery, actor, Prisma.sql`= "a"."id"`)}) AS "h" WHERE "h"."revision" IS NULL OR "h"."revision" = "a"."revision")`
    : Prisma.empty;
  return db().$queryRaw<ArticleRow[]>`
    SELECT ${ARTICLE_COLUMNS}, 0::float8 AS "rank"
    FROM ${within === null ? Prisma.sql`"Article"` : Prisma.sql`(SELECT * FROM "Article" ORDER BY "createdAt" DESC, "id" DESC LIMIT ${within})`} AS "a"
    WHERE ${conditions} ${matched}
    ORDER BY "a"."createdAt" DESC, "a"."id" DESC ${limit === null ? Prisma.empty : Prisma.sql`LIMIT ${limit}`}`;
}

/**
 * How many articles match, from a walk newest first that found `found` of them by `last`: their
 * share of the articles it passed, times the articles there are (the planner's estimate, kept
 * current by autovacuum: no count). About right for a common word spread over the years; rounded
 * to two significant digits, and never fewer than were found.
 */
async function estimateMatches(found: number, last: ArticleRow): Promise<number> {
  const [[passed], [plan]] = await Promise.all([
    db().$queryRaw<{ count: number }[]>`SELECT count(*)::int AS "count" FROM "Article" WHERE ("createdAt", "id") >= (${last.createdAt}, ${last.id})`,
    db().$queryRaw<{ "QUERY PLAN": { Plan: { "Plan Rows": number } }[] }[]>`EXPLAIN (FORMAT JSON) SELECT 1 FROM "Article"`,
  ]);
  const articles = plan!["QUERY PLAN"][0]!.Plan["Plan Rows"];
  const estimate = (found / Math.max(passed!.count, found)) * articles;
  return Math.max(found, estimate >= 100 ? Number(estimate.toPrecision(2)) : Math.round(estimate));
}

/** The matching readable articles of the hits in `hits` (a table or subquery of hitsSql rows), each with its best rank. */
function groupedSql(hits: Prisma.Sql, conditions: Prisma.Sql): Prisma.Sql {
  // One join of the matches to their article: it checks a paragraph is of the current revision,
  // and the article's read rule and filters, once per match.
  return Prisma.sql`SELECT ${ARTICLE_COLUMNS}, max("h"."rank")::float8 AS "rank" FROM ${hits} ${ON_ARTICLE} WHERE ${conditions} GROUP BY "a"."id"`;
}

/** An article a query matches, with its rank and what the search page and the exports need of it. */
export interface RankedArticle {
  rank: number;
  article: Omit<ArticleRow, "rank">;
}

export interface ArticleMatches {
  errors: QueryError[];
  /** The words and phrases to find (to mark in snippets). */
  positive: SearchTerm[];
  /** The tsquery every match satisfies, or null when no word was searched for (nothing, or filters alone). */
  required: string | null;
  /** Every readable matching article, best first (the same order on every call). */
  ranked: RankedArticle[];
}

/**
 * Every article a query matches that this reader may read, best first (newest first for filters
 * alone): what a search-result export streams whole. The search page shows the same order while
 * the query is found in few enough places to rank (SearchLimits), its newest matches beyond.
 */
export async function matchArticles({ actor, q }: { actor: Actor | null; q: string }): Promise<ArticleMatches> {
  const { errors, positive, required, conditions } = prepareSearch(actor, q);
  if (!conditions) return { errors, positive, required, ranked: [] };
  // The whole ranking (an export streams everything, in the background): filters alone, newest first.
  const rows = required ? await rankedAll(required, conditions, actor) : await newestMatches(null, conditions, actor, null, null);
  return { errors, positive, required, ranked: rows.map(({ rank, ...article }) => ({ rank, article })) };
}

// Best first; equal ranks newest first, then by id so pages never overlap.
const RANKED = Prisma.sql`ORDER BY "c"."rank" DESC, coalesce("c"."publishedAt", "c"."createdAt") DESC, "c"."id"`;

/** The parsed query and the conditions on a matching readable article "a" (null when there is nothing to search for). */
function prepareSearch(actor: Actor | null, q: string): { errors: QueryError[]; positive: SearchTerm[]; required: string | null; conditions: Prisma.Sql | null } {
  if (!canReadLibrary(actor, readPolicy())) throw forbidden("Sign in to search the library.");
  const parsed = parseSearchQuery(q);
  const errors = [...parsed.errors];
  const positive = parsed.terms.filter((term) => !term.exclude);
  const required = searchTsquery(positive);
  if (!required && !hasAnyFilter(parsed.filters)) {
    if (q.trim() && !errors.length) errors.push({ message: "Type a word to search for: exclusions alone would match nearly everything." });
    return { errors, positive, required, conditions: null };
  }
  const conditions = [whereSql("Article", "a", readableArticleWhere(actor)), ...filterSql(parsed.filters, actor)];
  const excluded = anyOf(parsed.terms.filter((term) => term.exclude));
  if (excluded) {
    conditions.push(Prisma.sql`NOT EXISTS (SELECT 1 FROM "Paragraph" AS "x" WHERE "x"."articleId" = "a"."id" AND "x"."revision" = "a"."revision" AND "x"."searchVector" @@ ${excluded}::tsquery)`);
    conditions.push(Prisma.sql`NOT coalesce("a"."titleVector" @@ ${excluded}::tsquery, false)`);
  }
  return { errors, positive, required, conditions: Prisma.join(conditions, " AND ") };
}

interface ArticleRow {
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
const ON_ARTICLE = Prisma.sql`JOIN "Article" AS "a" ON "a"."id" = "h"."articleId" AND ("h"."revision" IS NULL OR "h"."revision" = "a"."revision")`;

/**
 * Every place a tsquery matches, one row each (articleId, source, refId, position, annotationId,
 * rank, and a paragraph's revision to check against its article's: see ON_ARTICLE), within the
 * read rules of the annotations and notes: paragraphs, titles, the quoted words of readable
 * annotations, the names of the entities they tag and of the speakers they quote, and readable
 * notes. The article's own read rule is the caller's, applied once per article. `articles`, a
 * comparison such as `= ANY(<ids>)` or `= "a"."id"`, narrows it to some articles (a page's, or
 * the one an outer query is at). Annotation matches weigh less: their words are also their
 * paragraph's, which is the better snippet; a name's match counts half (it is the tag's, not the words').
 */
function hitsSql(tsquery: string, actor: Actor | null, articles: Prisma.Sql | null): Prisma.Sql {
  const q = Prisma.sql`${tsquery}::tsquery`;
  const only = (alias: string) => (articles ? Prisma.sql`AND ${Prisma.raw(`"${alias}"."articleId"`)} ${articles}` : Prisma.empty);
  const mention = mentionSql(actor);
  return Prisma.sql`
    SELECT "p"."articleId", 'paragraph' AS "source", "p"."id" AS "refId", "p"."position", NULL::text AS "annotationId", ts_rank("p"."searchVector", ${q}) AS "rank", "p"."revision"
      FROM "Paragraph" AS "p"
      WHERE "p"."searchVector" @@ ${q} ${only("p")}
    UNION ALL
    SELECT "t"."id", 'title', "t"."id", 0, NULL, ts_rank("t"."titleVector", ${q}) * 2, NULL
      FROM "Article" AS "t" WHERE "t"."titleVector" @@ ${q} ${articles ? Prisma.sql`AND "t"."id" ${articles}` : Prisma.empty}
    UNION ALL
    SELECT "m"."articleId", 'annotation', "m"."id", "mp"."position", "m"."id", ts_rank("m"."searchVector", ${q}) * 0.25, NULL
      FROM "Annotation" AS "m" JOIN "Paragraph" AS "mp" ON "mp"."id" = "m"."paragraphId"
      WHERE "m"."searchVector" @@ ${q} AND ${mention} ${only("m")}
    UNION ALL
    SELECT "m"."articleId", 'entity', "m"."id", "mp"."position", "m"."id", ts_rank("e"."searchVector", ${q}) * 0.5, NULL
      FROM "Entity" AS "e" JOIN "Annotation" AS "m" ON "m"."entityId" = "e"."id" JOIN "Paragraph" AS "mp" ON "mp"."id" = "m"."paragraphId"
      WHERE "e"."searchVector" @@ ${q} AND ${mention} ${only("m")}
    UNION ALL
    SELECT "m"."articleId", 'speaker', "m"."id", "mp"."position", "m"."id", ts_rank("e"."searchVector", ${q}) * 0.5, NULL
      FROM "Entity" AS "e" JOIN "Annotation" AS "m" ON "m"."speakerId" = "e"."id" JOIN "Paragraph" AS "mp" ON "mp"."id" = "m"."paragraphId"
      WHERE "e"."searchVector" @@ ${q} AND ${mention} ${only("m")}
    UNION ALL
    SELECT "n"."articleId", 'note', "n"."id", "np"."position", "n"."annotationId", ts_rank("n"."searchVector", ${q}), NULL
      FROM "Note" AS "n" JOIN "Paragraph" AS "np" ON "np"."id" = "n"."paragraphId"
      WHERE "n"."searchVector" @@ ${q} AND ${whereSql("Note", "n", readableNoteWhere(actor))} ${only("n")}`;
}

/**
 * The mention rule for annotation "m" on an article whose own read rule the query checks once,
 * on the article (so not again for every annotation).
 */
function mentionSql(actor: Actor | null): Prisma.Sql {
  const { article: _article, ...onItsArticle } = readableMentionWhere(actor);
  return whereSql("Annotation", "m", onItsArticle);
}

/** A tsquery matching any of the excluded terms (an article with any of them is left out), or null. */
function anyOf(excluded: SearchTerm[]): string | null {
  const queries = excluded.map((term) => searchTsquery([{ ...term, exclude: false }])).filter((query) => query !== null);
  return queries.length ? queries.map((query) => `(${query})`).join(" | ") : null;
}

/** The conditions on article "a" that the query's filters make; each value of an operator must hold. */
function filterSql(filters: SearchFilters, actor: Actor | null): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  const mention = mentionSql(actor);
  const note = whereSql("Note", "n", readableNoteWhere(actor));
  const annotationWhere = (condition: Prisma.Sql, join = Prisma.empty) =>
    Prisma.sql`EXISTS (SELECT 1 FROM "Annotation" AS "m" ${join} WHERE "m"."articleId" = "a"."id" AND ${mention} AND ${condition})`;
  // A name matches as a phrase in any inflected form: entity:Соболеву finds "Ирина Соболева".
  const names = (value: string) => searchTsquery([{ kind: "phrase", text: value, exclude: false }]);

  if (filters.languages.length) conditions.push(Prisma.sql`"a"."language" = ANY(${filters.languages}::text[])`);
  const date = Prisma.sql`coalesce("a"."publishedAt", "a"."createdAt")`;
  if (filters.after) conditions.push(Prisma.sql`${date} >= ${new Date(`${filters.after}T00:00:00Z`)}`);
  if (filters.before) conditions.push(Prisma.sql`${date} < ${new Date(`${filters.before}T00:00:00Z`)}`);
  for (const entity of filters.entities) {
    const query = names(entity);
    conditions.push(query ? annotationWhere(Prisma.sql`"e"."searchVector" @@ ${query}::tsquery`, Prisma.sql`JOIN "Entity" AS "e" ON "e"."id" = "m"."entityId"`) : Prisma.sql`FALSE`);
  }
  for (const speaker of filters.speakers) {
    const query = names(speaker);
    conditions.push(
      query ? annotationWhere(Prisma.sql`"m"."kind" = 'QUOTE' AND "s"."searchVector" @@ ${query}::tsquery`, Prisma.sql`JOIN "Entity" AS "s" ON "s"."id" = "m"."speakerId"`) : Prisma.sql`FALSE`,
    );
  }
  for (const type of filters.types) {
    // The key (PER), the label (Person) or its start (org → Organisation).
    conditions.push(
      annotationWhere(
        Prisma.sql`"m"."kind" = 'ENTITY' AND (lower("t"."key") = ${type} OR lower("t"."label") = ${type} OR (length(${type}) >= 3 AND lower("t"."label") LIKE ${`${type.replace(/[\\%_]/g, "\\$&")}%`}))`,
        Prisma.sql`JOIN "EntityType" AS "t" ON "t"."id" = "m"."entityTypeId"`,
      ),
    );
  }
  for (const user of filters.users) {
    // A user is named by their whole name, some of its words (user:anna), or their email.
    const author = (alias: string) => Prisma.sql`EXISTS (SELECT 1 FROM "user" AS "u" WHERE "u"."id" = ${Prisma.raw(`"${alias}"."authorId"`)}
      AND (lower("u"."email") = lower(${user}) OR string_to_array(lower("u"."name"), ' ') @> string_to_array(lower(${user}), ' ')))`;
    conditions.push(
      Prisma.sql`(${annotationWhere(author("m"))} OR EXISTS (SELECT 1 FROM "Note" AS "n" WHERE "n"."articleId" = "a"."id" AND ${note} AND ${author("n")}))`,
    );
  }
  for (const colour of filters.colours) conditions.push(annotationWhere(Prisma.sql`"m"."kind" = 'HIGHLIGHT' AND "m"."color" = ${colour}`));
  for (const has of filters.has) {
    if (has === "note") conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "Note" AS "n" WHERE "n"."articleId" = "a"."id" AND ${note})`);
    else conditions.push(annotationWhere(Prisma.sql`"m"."kind"::text = ${has.toUpperCase()}`));
  }
  return conditions;
}

const SOURCE_LABEL: Record<Exclude<SnippetSource, "paragraph">, string> = { annotation: "Highlight", entity: "Entity", speaker: "Quote", note: "Note" };

/** One of an article's best matches with what its snippet shows (text: null when its row is gone). */
interface SnippetRow {
  articleId: string;
  source: SnippetSource;
  position: number;
  annotationId: string | null;
  text: string | null;
  layer: string | null;
  author: string | null;
  kind: string | null;
  typeLabel: string | null;
  entityName: string | null;
  speakerName: string | null;
}

/** The best matches of each article on the page, as snippets: text, annotation, entity, speaker or note. */
async function bestSnippets(articles: ArticleRow[], tsquery: string, terms: SearchTerm[], actor: Actor | null): Promise<Map<string, SearchSnippet[]>> {
  const found = new Map<string, SearchSnippet[]>();
  if (!articles.length) return found;
  // The best matches with the words and labels to show, in one statement: the hits were
  // authorised by hitsSql's read rules; the joins only read their text, author and names.
  const hits = await db().$queryRaw<SnippetRow[]>`
    SELECT "b"."articleId", "b"."source", "b"."position", "b"."annotationId",
      CASE "b"."source" WHEN 'paragraph' THEN "pp"."text" WHEN 'note' THEN "nn"."body" ELSE "mm"."exact" END AS "text",
      coalesce("nn"."projectId", "mm"."projectId") AS "layer", coalesce("nu"."name", "mu"."name") AS "author",
      "mm"."kind"::text AS "kind", "et"."label" AS "typeLabel", "en"."name" AS "entityName", "sp"."name" AS "speakerName"
    FROM (
      SELECT "h".*, row_number() OVER (PARTITION BY "h"."articleId" ORDER BY "h"."rank" DESC, "h"."position", "h"."source") AS "n"
      FROM (${hitsSql(tsquery, actor, Prisma.sql`= ANY(${articles.map((article) => article.id)}::text[])`)}) AS "h" ${ON_ARTICLE} WHERE "h"."source" <> 'title'
    ) AS "b"
    LEFT JOIN "Paragraph" AS "pp" ON "b"."source" = 'paragraph' AND "pp"."id" = "b"."refId"
    LEFT JOIN "Note" AS "nn" ON "b"."source" = 'note' AND "nn"."id" = "b"."refId"
    LEFT JOIN "user" AS "nu" ON "nu"."id" = "nn"."authorId"
    LEFT JOIN "Annotation" AS "mm" ON "b"."source" IN ('annotation', 'entity', 'speaker') AND "mm"."id" = "b"."refId"
    LEFT JOIN "user" AS "mu" ON "mu"."id" = "mm"."authorId"
    LEFT JOIN "EntityType" AS "et" ON "et"."id" = "mm"."entityTypeId"
    LEFT JOIN "Entity" AS "en" ON "en"."id" = "mm"."entityId"
    LEFT JOIN "Entity" AS "sp" ON "sp"."id" = "mm"."speakerId"
    WHERE "b"."n" <= ${SNIPPETS_PER_ARTICLE} ORDER BY "b"."articleId", "b"."n"`;
  const language = new Map(articles.map((article) => [article.id, article.language]));

  for (const hit of hits) {
    if (hit.text === null) continue;
    const lang = language.get(hit.articleId);
    const anchor = hit.annotationId ? `a-${hit.annotationId}` : `p-${hit.position}`;
    let snippet: Omit<SearchSnippet, "source" | "anchor" | "position" | "label" | "layer">;
    let label: string | null = null;
    if (hit.source === "paragraph") snippet = snippetOf(hit.text, terms, lang);
    else if (hit.source === "note") {
      snippet = snippetOf(noteSearchText(hit.text), terms);
      label = `${SOURCE_LABEL.note} by ${hit.author}`;
    } else if (hit.source === "annotation") {
      snippet = snippetOf(hit.text, terms, lang);
      label = `${hit.kind === "ENTITY" ? (hit.typeLabel ?? SOURCE_LABEL.entity) : hit.kind === "QUOTE" ? SOURCE_LABEL.speaker : SOURCE_LABEL.annotation} by ${hit.author}`;
    } else {
      // The name matched, not the words: show the words, labelled with the name.
      const named = hit.source === "entity" ? hit.entityName : hit.speakerName;
      snippet = { text: hit.text, cutBefore: false, cutAfter: false, marks: [] };
      label = named === null ? null : hit.source === "entity" ? `${hit.typeLabel ?? SOURCE_LABEL.entity}: ${named}` : `${SOURCE_LABEL.speaker} by ${named}`;
    }
    const layer = hit.source === "paragraph" ? null : hit.layer;
    found.set(hit.articleId, [...(found.get(hit.articleId) ?? []), { source: hit.source, anchor, position: hit.position, label, layer, ...snippet }]);
  }
  return found;
}

/** The query's words in a text (any inflected form), merged where they touch. */
function markedSpans(text: string, terms: readonly SearchTerm[], language?: string): TextSpan[] {
  const spans = terms.flatMap((term) => findMentions(text, term.text, language)).sort((a, b) => a.start - b.start || b.end - a.end);
  const marks: TextSpan[] = [];
  for (const span of spans) {
    const last = marks[marks.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else marks.push({ ...span });
  }
  return marks;
}

/** A text as a snippet: the query's words marked (any inflected form), cut around the first mark when long. */
export function snippetOf(text: string, terms: readonly SearchTerm[], language?: string): Pick<SearchSnippet, "text" | "cutBefore" | "cutAfter" | "marks"> {
  const marks = markedSpans(text, terms, language);
  if (text.length <= SNIPPET_LENGTH) return { text, cutBefore: false, cutAfter: false, marks };
  const first = marks[0]?.start ?? 0;
  // Start at a word boundary a little before the first match, so it is seen with some context.
  let from = Math.max(0, Math.min(first - 80, text.length - SNIPPET_LENGTH));
  if (from > 0) from = text.indexOf(" ", from) + 1 || from;
  let to = Math.min(text.length, from + SNIPPET_LENGTH);
  // And end at one, not mid-word.
  if (to < text.length) to = Math.max(text.lastIndexOf(" ", to), from + 1);
  return {
    text: text.slice(from, to),
    cutBefore: from > 0,
    cutAfter: to < text.length,
    marks: marks.filter((mark) => mark.start >= from && mark.end <= to).map((mark) => ({ start: mark.start - from, end: mark.end - from })),
  };
}
