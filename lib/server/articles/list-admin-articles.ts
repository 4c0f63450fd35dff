import "server-only";
import { db } from "@/lib/db";
import { keysetPage, type KeysetPage, type PageRequest } from "@/lib/pagination/keyset";
import type { Actor } from "@/lib/permissions";
import { directPool } from "@/lib/server/direct-pool";
import { assertCanImport } from "@/lib/server/import/assert-can-import";
import type { ArticleStatusFilter } from "@/lib/validations/article";
import { beyond, LIBRARY_COUNT_CAP } from "./list-articles";
import { ADMIN_ARTICLE_SELECT, ADMIN_FILTER_COLUMNS, adminArticleRows, adminArticleWhere, adminFilterText, type AdminArticleRow } from "./search-articles";

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
  const text = adminFilterText(q);
  const matches = text === null ? null : await fewFilterMatches(text, status, request, countCap);
  if (matches) return pageOfMatches(matches, request, size, actor);
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

/** A filter's match, with where it lies from the requested page's key (null: it is the key's row, or no key). */
interface FilterMatch {
  id: string;
  createdAt: Date;
  side: "older" | "newer" | null;
}

const STATUS_SQL: Record<ArticleStatusFilter, string> = {
  active: `"archivedAt" IS NULL`,
  archived: `"archivedAt" IS NOT NULL`,
  all: "TRUE",
};

/**
 * Every article the filter matches, newest first, when there are at most `cap` of them; null when
 * there are more (then the list walks the newest articles, and dense matches make that walk short).
 * Each of the five columns is asked on its own, from the trigram index: asked as one OR, PostgreSQL
 * prices five index reads above a sequential scan, which at 100,000 articles read every row for a
 * filter matching eleven (330 ms; the five reads take 57 ms). The side of the page's key is decided
 * here too, so that rows compare as the database orders them (its collation orders the ids).
 */
async function fewFilterMatches(text: string, status: ArticleStatusFilter, request: PageRequest, cap: number): Promise<FilterMatch[] | null> {
  const key = request.from === "start" ? null : request.key;
  const { rows } = await directPool().query<FilterMatch>(
    // "createdAt" holds UTC in a timestamp without time zone, as Prisma writes it.
    `SELECT id, "createdAt" AT TIME ZONE 'UTC' AS "createdAt",
            CASE WHEN $3::timestamptz IS NULL THEN NULL
                 WHEN ("createdAt", id) < ($3::timestamptz AT TIME ZONE 'UTC', $4::text) THEN 'older'
                 WHEN ("createdAt", id) > ($3::timestamptz AT TIME ZONE 'UTC', $4::text) THEN 'newer' END AS side
       FROM (${ADMIN_FILTER_COLUMNS.map((column) => `(SELECT id, "createdAt" FROM "Article" WHERE "${column}" ILIKE $1 AND ${STATUS_SQL[status]} LIMIT $2)`).join(" UNION ")}) AS matching
      ORDER BY matching."createdAt" DESC, id DESC`,
    [`%${text}%`, cap + 1, key?.at.toISOString() ?? null, key?.id ?? null],
  );
  return rows.length > cap ? null : rows;
}

/** The requested page of a filter's matches (all of them, newest first), as the keyset walk would give it. */
async function pageOfMatches(matches: FilterMatch[], request: PageRequest, size: number, actor: Actor | null): Promise<AdminArticleListPage> {
  // As keysetPage takes them: newest first from the start or after the key, oldest first before it.
  const read =
    request.from === "start" ? matches : request.from === "after" ? matches.filter((match) => match.side === "older") : matches.filter((match) => match.side === "newer").reverse();
  const page = keysetPage(read.slice(0, size + 1), size, request, (match) => ({ at: match.createdAt, id: match.id }));
  const rows = await db().article.findMany({ where: { id: { in: page.items.map((match) => match.id) } }, select: ADMIN_ARTICLE_SELECT });
  const byId = new Map(rows.map((row) => [row.id, row]));
  // An article deleted between the two reads is left out.
  const items = page.items.flatMap((match) => byId.get(match.id) ?? []);
  return { ...page, items: await adminArticleRows(items, actor), total: matches.length, moreThanTotal: false };
}
