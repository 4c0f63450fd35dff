import "server-only";
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TextSpan } from "@/lib/morphology";
import type { Actor } from "@/lib/permissions";
import type { QueryError, SearchTerm } from "@/lib/search/query";
import { bestSnippets, markedSpans, type SearchSnippet } from "./best-snippets";
import { ARTICLE_COLUMNS, hitsSql, ON_ARTICLE, SIDE_HIT, type ArticleRow } from "./hits-sql";
import { estimateMatches, newestMatches, walkedArticleSql } from "./newest-matches";
import { prepareSearch } from "./prepare-search";
import { querySearchRows } from "./query-search-rows";
import type { SearchRules } from "./search-rules";

export { snippetOf, type SearchSnippet, type SnippetSource } from "./best-snippets";

export const SEARCH_PAGE_SIZE = 20;
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
  const { errors, positive, required, singleWord, conditions, rules } = prepareSearch(actor, q);
  const none = { query: q, errors, total: 0, estimated: false, order: "relevance" as const, unranked: false, page, pageCount: 0, results: [] };
  if (!conditions) return { ...none, searched: false };

  const offset = (page - 1) * SEARCH_PAGE_SIZE;
  // Down to this page's last match, and one more to know whether another follows.
  const wanted = Math.min(offset + SEARCH_PAGE_SIZE, limits.listed);
  // A query the planner expects in many times more places than may be ranked is not probed: the
  // probe would read rankedHits + 1 matches (a phrase of common words, every paragraph with both
  // words) only to learn what the statistics already say.
  const probe = required !== null && (await estimatedParagraphHits(required)) <= limits.rankedHits * SURELY_COMMON;
  let ranked = required && probe ? await rankedIfFew(required, conditions, rules, limits.rankedHits) : null;
  // Too common to rank: the newest matches, if they are dense enough among the newest articles
  // to fill the page within a walk of WALK_PER_ROW articles a row. Otherwise (a common word and a
  // rare filter, or a phrase of two common words) the walk would read much of the library for a
  // few rows, and ranking every match costs less.
  const newest = required && !ranked ? await newestMatches({ required, singleWord, conditions, rules }, wanted + 1, (wanted + 1) * WALK_PER_ROW) : null;
  if (required && newest && newest.length <= wanted) ranked = await rankedAll(required, conditions, rules);
  let rows: ArticleRow[];
  let counted: number | Promise<number>;
  let estimated = false;
  if (ranked) {
    rows = ranked.slice(offset, offset + SEARCH_PAGE_SIZE);
    counted = ranked.length;
  } else {
    const found = newest ?? (await newestMatches({ required: null, singleWord, conditions, rules }, wanted + 1, null));
    rows = found.slice(offset, wanted);
    estimated = found.length > wanted;
    counted = estimated ? estimateMatches(found.length, found.at(-1)!) : found.length;
  }
  // The estimate and the snippets need only the page: one round trip for both, not one after the other.
  const [total, snippets] = await Promise.all([counted, required ? bestSnippets(rows, required, positive, rules) : new Map<string, SearchSnippet[]>()]);
  const listedPages = Math.ceil(limits.listed / SEARCH_PAGE_SIZE);
  const pageCount = estimated ? Math.min(listedPages, Math.max(Math.ceil(total / SEARCH_PAGE_SIZE), page + 1)) : Math.ceil(total / SEARCH_PAGE_SIZE);
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
  const [plan] = await querySearchRows<{ "QUERY PLAN": { Plan: { "Plan Rows": number } }[] }>(Prisma.sql`
    EXPLAIN (FORMAT JSON) SELECT 1 FROM "Paragraph" WHERE "searchVector" @@ ${tsquery}::tsquery`);
  return plan!["QUERY PLAN"][0]!.Plan["Plan Rows"];
}

/**
 * Articles a walk down the newest may pass per row it is to find (see searchArticles). Each is
 * checked on its own row (its text vector: ~25 µs at load 15 on the 100,000-article bench), so
 * a query in 0.4% of the articles still fills its first page from the newest (5,250 walked)
 * rather than ranking every match, which for a phrase of two common words reads every paragraph
 * holding both ("он он": 2 s).
 */
const WALK_PER_ROW = 250;

/**
 * Every readable article matching `tsquery` and `conditions`, best first, when the query is found
 * in at most `rankedHits` places; null when it is found in more (then nothing was ranked). Reads
 * at most `rankedHits + 1` matches, whatever the library's size.
 */
async function rankedIfFew(tsquery: string, conditions: Prisma.Sql, rules: SearchRules, rankedHits: number): Promise<ArticleRow[] | null> {
  const rows = await querySearchRows<{ hits: number } & (ArticleRow | { [K in keyof ArticleRow]: null })>(Prisma.sql`
    WITH ${rules.with}, "h" AS MATERIALIZED (SELECT * FROM (${hitsSql(tsquery, rules)}) AS "all" LIMIT ${rankedHits + 1})
    SELECT "n"."hits", "c".* FROM (SELECT count(*)::int AS "hits" FROM "h") AS "n"
      LEFT JOIN (${groupedSql(Prisma.sql`"h"`, conditions)}) AS "c" ON TRUE
      ${RANKED}`);
  if ((rows[0]?.hits ?? 0) > rankedHits) return null;
  return rows.filter((row): row is { hits: number } & ArticleRow => row.id !== null);
}

/**
 * Every readable article matching `tsquery` and `conditions`, best first. Not materialised, so the
 * planner may start from the articles the filters allow (a rare colour, notes) and read only
 * their matches, rather than every match of a common word.
 */
async function rankedAll(tsquery: string, conditions: Prisma.Sql, rules: SearchRules): Promise<ArticleRow[]> {
  return querySearchRows<ArticleRow>(Prisma.sql`WITH ${rules.with} SELECT "c".* FROM (${groupedSql(Prisma.sql`(${hitsSql(tsquery, rules)}) AS "h"`, conditions)}) AS "c" ${RANKED}`);
}

/** The matching readable articles of the hits in `hits` (a table or subquery of hitsSql rows), each with its best rank. */
function groupedSql(hits: Prisma.Sql, conditions: Prisma.Sql): Prisma.Sql {
  // One join of the matches to their article: it checks a paragraph is of the current revision,
  // and the article's read rule and filters, once per match.
  return Prisma.sql`SELECT ${ARTICLE_COLUMNS}, max("h"."rank")::float8 AS "rank", ${SIDE_HIT} AS "sideHit" FROM ${hits} ${ON_ARTICLE} WHERE ${conditions} GROUP BY "a"."id"`;
}

/** An article a query matches, with its rank and what the search page and the exports need of it. */
export interface RankedArticle {
  rank: number;
  article: Omit<ArticleRow, "rank" | "sideHit">;
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
  const { errors, positive, required, conditions, rules } = prepareSearch(actor, q);
  if (!conditions) return { errors, positive, required, ranked: [] };
  // The whole ranking (an export streams everything, in the background): filters alone, newest first.
  const rows = required ? await rankedAll(required, conditions, rules) : await newestMatches({ required, singleWord: false, conditions, rules }, null, null);
  return { errors, positive, required, ranked: rows.map(({ rank, id, slug, title, language, publishedAt, createdAt, revision }) => ({ rank, article: { id, slug, title, language, publishedAt, createdAt, revision } })) };
}

/**
 * The ids of every article a query matches that this reader may read, in no order: the matches of
 * matchArticles without ranking them or reading their columns, for a caller that only restricts
 * itself to them (/insights). A query found in few places (SearchLimits) comes from its places
 * through their indexes, as the search page ranks it; one found in more, from every article's own
 * row (the walk's test: for a word in every title, 10,000 rows checked in ~10 ms where ranking every
 * match and sending back its article took ~250 ms). search-index.test.ts checks both against matchArticles.
 */
export async function matchArticleIds({ actor, q, limits = LIMITS }: { actor: Actor | null; q: string; limits?: SearchLimits }): Promise<{ errors: QueryError[]; articleIds: string[] }> {
  const { errors, required, singleWord, conditions, rules } = prepareSearch(actor, q);
  if (!conditions) return { errors, articleIds: [] };
  const probe = required !== null && (await estimatedParagraphHits(required)) <= limits.rankedHits * SURELY_COMMON;
  const few = required && probe ? await rankedIfFew(required, conditions, rules, limits.rankedHits) : null;
  if (few) return { errors, articleIds: few.map((row) => row.id) };
  const walked = walkedArticleSql({ required, singleWord, conditions, rules });
  const rows = await querySearchRows<{ id: string }>(Prisma.sql`WITH ${walked.with} SELECT "a"."id" FROM "Article" AS "a" WHERE ${walked.where}`);
  return { errors, articleIds: rows.map((row) => row.id) };
}

// Best first; equal ranks newest first, then by id so pages never overlap.
const RANKED = Prisma.sql`ORDER BY "c"."rank" DESC, coalesce("c"."publishedAt", "c"."createdAt") DESC, "c"."id"`;
