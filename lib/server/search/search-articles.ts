import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { findMentions, type TextSpan } from "@/lib/morphology";
import { canReadLibrary, type Actor } from "@/lib/permissions";
import { readPolicy } from "@/lib/permissions/policy";
import { readableArticleWhere, readableNoteWhere } from "@/lib/permissions/where";
import { parseSearchQuery, type QueryError, type SearchFilters, type SearchTerm } from "@/lib/search/query";
import { searchTsquery } from "@/lib/search/tsquery";
import { forbidden } from "@/lib/server/errors";

export const SEARCH_PAGE_SIZE = 20;
/** The best matching paragraphs shown under each article. */
const SNIPPETS_PER_ARTICLE = 3;
/** A snippet longer than this is cut around its first match. */
const SNIPPET_LENGTH = 320;
/** Pages beyond this are refused quietly (page 1 instead): nobody reads 20,000 results. */
const MAX_PAGE = 1_000;

const searchInput = z.object({
  q: z.string().catch(""),
  page: z.coerce.number().int().min(1).max(MAX_PAGE).catch(1),
});

/** A matching paragraph, with the words that matched the query marked (offsets into `text`). */
export interface SearchSnippet {
  /** 1-based paragraph position, for the `#p-N` link. */
  position: number;
  text: string;
  /** True when `text` is cut from a longer paragraph (show an ellipsis). */
  cutBefore: boolean;
  cutAfter: boolean;
  marks: TextSpan[];
}

export interface SearchResult {
  slug: string;
  title: string;
  language: string;
  /** Publication date, else the import date. */
  date: Date;
  snippets: SearchSnippet[];
}

export interface SearchOutcome {
  query: string;
  /** Problems to show beside the query (bad filter values, filters not supported yet, no words). */
  errors: QueryError[];
  /** False when nothing was searched for (empty query, or nothing but exclusions). */
  searched: boolean;
  total: number;
  page: number;
  pageCount: number;
  results: SearchResult[];
}

/** Filters the parser knows that this search does not apply yet: said so, never silently ignored. */
const NOT_YET: { key: "entities" | "types" | "speakers" | "users" | "colours"; operator: string }[] = [
  { key: "entities", operator: "entity" },
  { key: "types", operator: "type" },
  { key: "speakers", operator: "said" },
  { key: "users", operator: "user" },
  { key: "colours", operator: "colour" },
];

/**
 * Full-text search over the current text of the articles this reader may open: every word of
 * the query in some inflected form (lemmas, lib/morphology), phrases adjacent and in order, no
 * article with an excluded word; filters lang:, after:, before: (publication date, else import
 * date) and has:note (a note this reader may see). Articles are ranked by their best paragraph
 * (ts_rank), 20 a page, each with its best paragraphs as snippets and the matched words marked,
 * computed in Node with the same lemmatiser (the index holds lemmas, so ts_headline cannot).
 *
 * Matching runs in SQL over the GIN index; the read rules then filter the matched articles
 * through Prisma with `readableArticleWhere`, so they are written in one place only.
 */
export async function searchArticles({ actor, input }: { actor: Actor | null; input: unknown }): Promise<SearchOutcome> {
  const { q, page } = searchInput.parse(input);
  const { errors, positive, required, ranked } = await matchArticles({ actor, q });
  if (!required) return { query: q, errors, searched: false, total: 0, page, pageCount: 0, results: [] };

  const total = ranked.length;
  const pageCount = Math.ceil(total / SEARCH_PAGE_SIZE);
  const onPage = ranked.slice((page - 1) * SEARCH_PAGE_SIZE, page * SEARCH_PAGE_SIZE).map((row) => row.article);
  const snippets = await bestParagraphs(onPage.map((article) => ({ id: article.id, revision: article.revision })), required);
  const results = onPage.map((article) => ({
    slug: article.slug,
    title: article.title,
    language: article.language,
    date: article.publishedAt ?? article.createdAt,
    snippets: (snippets.get(article.id) ?? []).map((paragraph) => snippetOf(paragraph.text, paragraph.position, positive, article.language)),
  }));
  return { query: q, errors, searched: true, total, page, pageCount, results };
}

/** An article a query matches, with its rank and what the search page and the exports need of it. */
export interface RankedArticle {
  rank: number;
  article: { id: string; slug: string; title: string; language: string; publishedAt: Date | null; createdAt: Date; revision: number };
}

export interface ArticleMatches {
  errors: QueryError[];
  /** The words and phrases to find (to mark in snippets). */
  positive: SearchTerm[];
  /** The tsquery every match satisfies, or null when nothing was searched for. */
  required: string | null;
  /** Every readable matching article, best first (the same order on every call). */
  ranked: RankedArticle[];
}

/**
 * Every article of the current library a query matches that this reader may open, ranked: what
 * the search page shows a page of and a search-result export streams whole.
 */
export async function matchArticles({ actor, q }: { actor: Actor | null; q: string }): Promise<ArticleMatches> {
  if (!canReadLibrary(actor, readPolicy())) throw forbidden("Sign in to search the library.");
  const parsed = parseSearchQuery(q);
  const errors = [...parsed.errors];
  for (const { key, operator } of NOT_YET) {
    if (parsed.filters[key].length) errors.push({ operator, message: `${operator}: is not supported by search yet.` });
  }
  const unsupportedHas = parsed.filters.has.filter((value) => value !== "note");
  if (unsupportedHas.length) errors.push({ operator: "has", message: `has:${unsupportedHas.join(", has:")} is not supported by search yet; has:note is.` });

  const positive = parsed.terms.filter((term) => !term.exclude);
  const required = searchTsquery(positive);
  if (!required) {
    if (q.trim()) errors.push({ message: "Type a word to search for: exclusions and filters alone would match nearly everything." });
    return { errors, positive, required: null, ranked: [] };
  }
  const excluded = anyOf(parsed.terms.filter((term) => term.exclude));

  const matches = await db().$queryRaw<{ articleId: string; rank: number }[]>`
    SELECT "p"."articleId", max(ts_rank("p"."searchVector", ${required}::tsquery))::float8 AS "rank"
    FROM "Paragraph" AS "p" JOIN "Article" AS "a" ON "a"."id" = "p"."articleId" AND "a"."revision" = "p"."revision"
    WHERE "p"."searchVector" @@ ${required}::tsquery
    GROUP BY "p"."articleId"`;
  const excludedIds = excluded && matches.length ? await articlesMatching(matches.map((row) => row.articleId), excluded) : new Set<string>();

  const readable = await db().article.findMany({
    where: { id: { in: matches.map((row) => row.articleId).filter((id) => !excludedIds.has(id)) }, AND: [readableArticleWhere(actor), ...filterWhere(parsed.filters, actor)] },
    select: { id: true, slug: true, title: true, language: true, publishedAt: true, createdAt: true, revision: true },
  });
  const byId = new Map(readable.map((article) => [article.id, article]));
  // Best first; equal ranks newest first, then by id so pages never overlap.
  const ranked = matches
    .filter((row) => byId.has(row.articleId))
    .map((row) => ({ rank: row.rank, article: byId.get(row.articleId)! }))
    .sort((a, b) => b.rank - a.rank || b.article.createdAt.getTime() - a.article.createdAt.getTime() || a.article.id.localeCompare(b.article.id));

  return { errors, positive, required, ranked };
}

/** A tsquery matching any of the excluded terms (an article with any of them is left out), or null. */
function anyOf(excluded: SearchTerm[]): string | null {
  const queries = excluded.map((term) => searchTsquery([{ ...term, exclude: false }])).filter((query) => query !== null);
  return queries.length ? queries.map((query) => `(${query})`).join(" | ") : null;
}

async function articlesMatching(articleIds: string[], tsquery: string): Promise<Set<string>> {
  const rows = await db().$queryRaw<{ articleId: string }[]>`
    SELECT DISTINCT "p"."articleId" FROM "Paragraph" AS "p" JOIN "Article" AS "a" ON "a"."id" = "p"."articleId" AND "a"."revision" = "p"."revision"
    WHERE "p"."articleId" = ANY(${articleIds}::text[]) AND "p"."searchVector" @@ ${tsquery}::tsquery`;
  return new Set(rows.map((row) => row.articleId));
}

function filterWhere(filters: SearchFilters, actor: Actor | null): Prisma.ArticleWhereInput[] {
  const where: Prisma.ArticleWhereInput[] = [];
  if (filters.languages.length) where.push({ language: { in: filters.languages } });
  const dated = (bound: Prisma.DateTimeFilter): Prisma.ArticleWhereInput => ({ OR: [{ publishedAt: bound }, { publishedAt: null, createdAt: bound }] });
  if (filters.after) where.push(dated({ gte: new Date(`${filters.after}T00:00:00Z`) }));
  if (filters.before) where.push(dated({ lt: new Date(`${filters.before}T00:00:00Z`) }));
  if (filters.has.includes("note")) where.push({ notes: { some: readableNoteWhere(actor) } });
  return where;
}

/** The best paragraphs of each article's current revision, best first (ties in text order). */
async function bestParagraphs(articles: { id: string; revision: number }[], tsquery: string): Promise<Map<string, { position: number; text: string }[]>> {
  const found = new Map<string, { position: number; text: string }[]>();
  if (!articles.length) return found;
  const rows = await db().$queryRaw<{ articleId: string; position: number; text: string }[]>`
    SELECT "articleId", "position", "text" FROM (
      SELECT "p"."articleId", "p"."position", "p"."text",
        row_number() OVER (PARTITION BY "p"."articleId" ORDER BY ts_rank("p"."searchVector", ${tsquery}::tsquery) DESC, "p"."position") AS "n"
      FROM "Paragraph" AS "p" JOIN unnest(${articles.map((a) => a.id)}::text[], ${articles.map((a) => a.revision)}::int[]) AS "c"("id", "revision")
        ON "p"."articleId" = "c"."id" AND "p"."revision" = "c"."revision"
      WHERE "p"."searchVector" @@ ${tsquery}::tsquery
    ) AS "best" WHERE "n" <= ${SNIPPETS_PER_ARTICLE} ORDER BY "articleId", "n"`;
  for (const row of rows) found.set(row.articleId, [...(found.get(row.articleId) ?? []), { position: row.position, text: row.text }]);
  return found;
}

/** A paragraph as a snippet: the query's words marked (any inflected form), cut around the first mark when long. */
export function snippetOf(text: string, position: number, terms: readonly SearchTerm[], language: string): SearchSnippet {
  const spans = terms.flatMap((term) => findMentions(text, term.text, language)).sort((a, b) => a.start - b.start || b.end - a.end);
  const marks: TextSpan[] = [];
  for (const span of spans) {
    const last = marks[marks.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else marks.push({ ...span });
  }
  if (text.length <= SNIPPET_LENGTH) return { position, text, cutBefore: false, cutAfter: false, marks };
  const first = marks[0]?.start ?? 0;
  // Start at a word boundary a little before the first match, so it is seen with some context.
  let from = Math.max(0, Math.min(first - 80, text.length - SNIPPET_LENGTH));
  if (from > 0) from = text.indexOf(" ", from) + 1 || from;
  let to = Math.min(text.length, from + SNIPPET_LENGTH);
  // And end at one, not mid-word.
  if (to < text.length) to = Math.max(text.lastIndexOf(" ", to), from + 1);
  return {
    position,
    text: text.slice(from, to),
    cutBefore: from > 0,
    cutAfter: to < text.length,
    marks: marks.filter((mark) => mark.start >= from && mark.end <= to).map((mark) => ({ start: mark.start - from, end: mark.end - from })),
  };
}
