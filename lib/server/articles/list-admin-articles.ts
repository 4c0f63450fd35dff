import "server-only";
import { db } from "@/lib/db";
import { keysetPage, type KeysetPage, type PageRequest } from "@/lib/pagination/keyset";
import type { Actor } from "@/lib/permissions";
import { assertCanImport } from "@/lib/server/import/assert-can-import";
import type { ArticleStatusFilter } from "@/lib/validations/article";
import { beyond, LIBRARY_COUNT_CAP } from "./list-articles";
import { ADMIN_ARTICLE_SELECT, adminArticleRows, adminArticleWhere, type AdminArticleRow } from "./search-articles";

export interface AdminArticleListPage extends KeysetPage<AdminArticleRow> {
  /** Articles the list holds, exactly; or, when `moreThanTotal`, where counting stopped (LIBRARY_COUNT_CAP). */
  total: number;
  moreThanTotal: boolean;
}

/** Articles an admin list page shows. */
export const ADMIN_ARTICLES_PAGE_SIZE = 50;

/**
 * A page of the admin article list: newest import first, filtered by status and by words in the
 * title, source, source URL, author or slug, `size` at a time by keyset (lib/pagination/keyset:
 * page 2,000 costs what page 1 does), with the list's size counted up to LIBRARY_COUNT_CAP.
 */
export async function listAdminArticles({
  actor,
  q,
  status = "active",
  request = { from: "start" },
  size = ADMIN_ARTICLES_PAGE_SIZE,
  countCap = LIBRARY_COUNT_CAP,
}: {
  actor: Actor | null;
  q?: string;
  status?: ArticleStatusFilter;
  request?: PageRequest;
  size?: number;
  countCap?: number;
}): Promise<AdminArticleListPage> {
  assertCanImport(actor);
  const where = adminArticleWhere(q, status);
  const towardsNewer = request.from === "before";
  const direction = towardsNewer ? "asc" : "desc";
  const [rows, total] = await Promise.all([
    db().article.findMany({
      where: request.from === "start" ? where : { AND: [where, beyond(request.key, towardsNewer ? "newer" : "older")] },
      orderBy: [{ createdAt: direction }, { id: direction }],
      take: size + 1,
      select: ADMIN_ARTICLE_SELECT,
    }),
    db().article.count({ where, take: countCap + 1 }),
  ]);
  const page = keysetPage(rows, size, request, (row) => ({ at: row.createdAt, id: row.id }));
  return { ...page, items: await adminArticleRows(page.items, actor), total: Math.min(total, countCap), moreThanTotal: total > countCap };
}
