import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/permissions";
import { readableArticleWhere, readableMentionWhere, readableNoteWhere } from "@/lib/permissions/where";
import type { InsightsFilter } from "@/lib/validations/insights";

/**
 * The articles of the filter: one (by slug) or all, dated in the period (publication date, else
 * the import date). Read rules are not here: they come from lib/permissions with each query.
 */
export function filteredArticleWhere(filter: InsightsFilter): Prisma.ArticleWhereInput {
  const range = { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) };
  const dated = filter.from || filter.to ? [{ OR: [{ publishedAt: range }, { publishedAt: null, createdAt: range }] }] : [];
  return { AND: [...dated, ...(filter.articleSlug ? [{ slug: filter.articleSlug }] : [])] };
}

/** Annotations the actor may read (placed on the text), on the filter's articles. */
export function insightAnnotationWhere(actor: Actor | null, filter: InsightsFilter): Prisma.AnnotationWhereInput {
  return { AND: [readableMentionWhere(actor), { article: filteredArticleWhere(filter) }] };
}

/** Notes the actor may read, on the filter's articles (that they may open). */
export function insightNoteWhere(actor: Actor | null, filter: InsightsFilter): Prisma.NoteWhereInput {
  return { AND: [readableNoteWhere(actor), { article: { AND: [readableArticleWhere(actor), filteredArticleWhere(filter)] } }] };
}

/** Articles the actor may open, of the filter. */
export function insightArticleWhere(actor: Actor | null, filter: InsightsFilter): Prisma.ArticleWhereInput {
  return { AND: [readableArticleWhere(actor), filteredArticleWhere(filter)] };
}
