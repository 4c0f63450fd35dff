import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/permissions";
import type { QueryError } from "@/lib/search/query";
import { matchArticleIds } from "@/lib/server/search/search-articles";
import type { InsightsFilter } from "@/lib/validations/insights";
import { articleFilterSql } from "./insight-work";

/** What an /insights search query matched: the articles every section is restricted to. */
export interface InsightMatches {
  /** The query as typed (trimmed). */
  query: string;
  /** What the search parser did not understand (shown beside the query, as on /search). */
  errors: QueryError[];
  /** The readable articles the query matches within the rest of the filter (period, article). */
  articleIds: string[];
}

/**
 * The articles an /insights filter's search query matches, over what the actor may read: the
 * search's own matching (matchArticleIds: the same parser, morphology, phrases, exclusions, filters
 * such as lang: and entity:, and read rules as /search and the search export), then the filter's
 * period and article; null when the filter has no query. A query that matches nothing, or that
 * the search refuses (exclusions alone), matches no article: its sections are empty, never the
 * whole library.
 */
export async function matchInsightArticles(actor: Actor | null, filter: InsightsFilter): Promise<InsightMatches | null> {
  if (filter.query === null) return null;
  // Only which articles match counts here, not how well: no ranking.
  const { errors, articleIds: found } = await matchArticleIds({ actor, q: filter.query });
  if (found.length === 0 || (!filter.from && !filter.to && !filter.articleSlug)) return { query: filter.query, errors, articleIds: found };
  const within = await db().$queryRaw<{ id: string }[]>`SELECT "ar"."id" FROM "Article" AS "ar" WHERE ${articleFilterSql("ar", filter, found)}`;
  return { query: filter.query, errors, articleIds: within.map((row) => row.id) };
}
