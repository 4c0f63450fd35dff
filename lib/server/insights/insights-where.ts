import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/permissions";
import { readableArticleWhere, readableMentionWhere, readableNoteWhere } from "@/lib/permissions/where";
import type { InsightsFilter } from "@/lib/validations/insights";

/**
 * The articles of the filter: one (by slug) or all, dated in the period (publication date, else
 * the import date), and with a search query the articles it matched (`matched`,
 * matchInsightArticles). Read rules are not here: they come from lib/permissions with each query.
 */
export function filteredArticleWhere(filter: InsightsFilter, matched: readonly string[] | null = null): Prisma.ArticleWhereInput {
  // A query without its matches would stand for the whole library: never silently.
  if (filter.query !== null && matched === null) throw new Error("filteredArticleWhere: a search query needs the articles it matched (matchInsightArticles)");
  const range = { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) };
  const dated = filter.from || filter.to ? [{ OR: [{ publishedAt: range }, { publishedAt: null, createdAt: range }] }] : [];
  return { AND: [...dated, ...(filter.articleSlug ? [{ slug: filter.articleSlug }] : []), ...(matched ? [{ id: { in: [...matched] } }] : [])] };
}

/** Annotations the actor may read (placed on the text), on the filter's articles. */
export function insightAnnotationWhere(actor: Actor | null, filter: InsightsFilter, matched: readonly string[] | null = null): Prisma.AnnotationWhereInput {
  return { AND: [readableMentionWhere(actor), { article: filteredArticleWhere(filter, matched) }] };
}

/** Notes the actor may read, on the filter's articles (that they may open). */
export function insightNoteWhere(actor: Actor | null, filter: InsightsFilter, matched: readonly string[] | null = null): Prisma.NoteWhereInput {
  return { AND: [readableNoteWhere(actor), { article: { AND: [readableArticleWhere(actor), filteredArticleWhere(filter, matched)] } }] };
}

/** Articles the actor may open, of the filter. */
export function insightArticleWhere(actor: Actor | null, filter: InsightsFilter, matched: readonly string[] | null = null): Prisma.ArticleWhereInput {
  return { AND: [readableArticleWhere(actor), filteredArticleWhere(filter, matched)] };
}
