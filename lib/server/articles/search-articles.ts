import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/permissions";
import { readableWorkWhere } from "@/lib/permissions/where";
import { assertCanImport } from "@/lib/server/import/assert-can-import";
import type { ArticleStatusFilter } from "@/lib/validations/article";

/** One row of the admin article list. */
export interface AdminArticleRow {
  id: string;
  slug: string;
  title: string;
  source: string | null;
  sourceUrl: string | null;
  author: string | null;
  language: string;
  revision: number;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
  paragraphCount: number;
  annotationCount: number;
  orphanCount: number;
}

export interface ArticlePage {
  items: AdminArticleRow[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
}

/** The columns the admin filter looks in (each has a pg_trgm index). */
export const ADMIN_FILTER_COLUMNS = ["title", "source", "sourceUrl", "author", "slug"] as const satisfies readonly (keyof Prisma.ArticleWhereInput)[];

/**
 * The admin list's articles: in the library, archived or all, and whose title, source, source URL,
 * author or slug contain `q` (any case; answered from the pg_trgm index for three characters or more).
 */
export function adminArticleWhere(q: string | undefined, status: ArticleStatusFilter): Prisma.ArticleWhereInput {
  const text = adminFilterText(q);
  return {
    ...(status === "active" ? { archivedAt: null } : status === "archived" ? { archivedAt: { not: null } } : {}),
    ...(text
      ? {
          OR: ADMIN_FILTER_COLUMNS.map((column) => ({ [column]: { contains: text, mode: "insensitive" } })),
        }
      : {}),
  };
}

/**
 * The admin filter's words as LIKE reads them (null for no filter): trimmed, with LIKE's escape
 * character and wildcards escaped, since Prisma's `contains` and the list's own SQL put the
 * text into LIKE as it is, where % and _ would match anything.
 */
export function adminFilterText(q: string | undefined): string | null {
  const text = q?.trim();
  return text ? text.replace(/[\\%_]/g, "\\$&") : null;
}

/** What the admin list selects of each article (then adminArticleRows counts its work). */
export const ADMIN_ARTICLE_SELECT = {
  id: true,
  slug: true,
  title: true,
  source: true,
  sourceUrl: true,
  author: true,
  language: true,
  revision: true,
  archivedAt: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.ArticleSelect;

/**
 * Articles whose title, source, source URL, author or slug contain `q` (any case), newest first,
 * by page number (the import pickers' API; the admin page pages by keyset: listAdminArticles).
 */
export async function searchArticles({
  actor,
  q,
  status = "active",
  page = 1,
  pageSize = 50,
}: {
  actor: Actor | null;
  q?: string;
  status?: ArticleStatusFilter;
  page?: number;
  pageSize?: number;
}): Promise<ArticlePage> {
  assertCanImport(actor);
  const where = adminArticleWhere(q, status);
  const total = await db().article.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, page), pageCount);
  const rows = await db().article.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (current - 1) * pageSize,
    take: pageSize,
    select: ADMIN_ARTICLE_SELECT,
  });
  return { items: await adminArticleRows(rows, actor), total, page: current, pageCount, pageSize };
}

/** The admin list's rows: each article with its paragraphs, and the annotations this admin may read, counted. */
export async function adminArticleRows(rows: Prisma.ArticleGetPayload<{ select: typeof ADMIN_ARTICLE_SELECT }>[], actor: Actor | null): Promise<AdminArticleRow[]> {
  const ids = rows.map((row) => row.id);
  const [paragraphs, annotations] = await Promise.all([
    db().paragraph.groupBy({ by: ["articleId", "revision"], where: { articleId: { in: ids } }, _count: { _all: true } }),
    // Counts are of what this admin can read: others' private work is not theirs to count.
    db().annotation.groupBy({ by: ["articleId", "anchorStatus"], where: { articleId: { in: ids }, dismissedAt: null, ...readableWorkWhere(actor) }, _count: { _all: true } }),
  ]);
  const paragraphCount = new Map(paragraphs.map((row) => [`${row.articleId}:${row.revision}`, row._count._all]));
  const annotationCount = new Map<string, number>();
  const orphanCount = new Map<string, number>();
  for (const row of annotations) {
    const counts = row.anchorStatus === "ORPHANED" ? orphanCount : annotationCount;
    counts.set(row.articleId, (counts.get(row.articleId) ?? 0) + row._count._all);
  }
  return rows.map((row) => ({
    ...row,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    paragraphCount: paragraphCount.get(`${row.id}:${row.revision}`) ?? 0,
    annotationCount: annotationCount.get(row.id) ?? 0,
    orphanCount: orphanCount.get(row.id) ?? 0,
  }));
}
