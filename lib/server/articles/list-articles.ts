import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { keysetPage, type KeysetPage, type PageRequest, type RowKey } from "@/lib/pagination/keyset";
import type { Actor } from "@/lib/permissions";
import { readableArticleWhere, readableProjectWhere } from "@/lib/permissions/where";

export interface ArticleSummary {
  slug: string;
  title: string;
  source: string | null;
  language: string;
  paragraphCount: number;
  importedAt: Date;
  /** The projects it is in that the reader may see, by name. */
  projects: { slug: string; name: string }[];
}

/** Whose library and which part: the reader (a Closed project's articles are its members') and one project's articles. */
export interface LibraryScope {
  actor?: Actor | null;
  projectSlug?: string;
}

export interface LibraryPage extends KeysetPage<ArticleSummary> {
  /** Articles in the library (not archived), exactly; or, when `moreThanTotal`, where counting stopped. */
  total: number;
  /** True when the library holds more than `total` (LIBRARY_COUNT_CAP) articles. */
  moreThanTotal: boolean;
  /**
   * The 1-based position of the page's first article in the whole list (0 for an empty page);
   * null when more than the count cap of articles come before it (deep in a large library).
   */
  firstPosition: number | null;
}

/** Articles a library page shows. */
export const LIBRARY_PAGE_SIZE = 50;

/**
 * The library and a page's position in it are counted up to this many articles, and the page
 * says "More than 1,000 articles" beyond: counting 100,000 rows costs several times the page.
 */
export const LIBRARY_COUNT_CAP = 1_000;

/**
 * Articles in the library for this reader: not archived, readable (projects), in the project asked
 * for — one they may read: a Closed project's slug from outside lists nothing, never hinting at
 * which shared articles it holds (also what a library export holds).
 */
export function libraryWhere({ actor = null, projectSlug }: LibraryScope): Prisma.ArticleWhereInput {
  return { AND: [{ archivedAt: null }, readableArticleWhere(actor), ...(projectSlug ? [{ projects: { some: { project: { AND: [{ slug: projectSlug }, readableProjectWhere(actor)] } } } }] : [])] };
}

/** Articles strictly newer (towards the start of a newest-first list) or older than `key`, in (createdAt, id) order. */
export function beyond(key: RowKey, side: "newer" | "older"): Prisma.ArticleWhereInput {
  const [op, orEqual] = side === "newer" ? (["gt", "gte"] as const) : (["lt", "lte"] as const);
  // The plain bound on createdAt lets PostgreSQL start the (createdAt, id) index scan at the key;
  // with the OR alone it read the index from the newest end (at 90% of 100,000 articles: 90,000 rows).
  return { createdAt: { [orEqual]: key.at }, OR: [{ createdAt: { [op]: key.at } }, { id: { [op]: key.id } }] };
}

/**
 * A page of the library: articles not archived, newest import first, `size` at a time by keyset
 * (lib/pagination/keyset), with the library's size and where the page starts in it, both counted
 * up to `countCap` (LIBRARY_COUNT_CAP). Three indexed reads, bounded whatever the page and the
 * library's size: the page (one row more, to know whether another follows), the total, and the
 * count of newer articles; then the page's paragraph counts.
 */
export async function listArticles(request: PageRequest = { from: "start" }, size = LIBRARY_PAGE_SIZE, scope: LibraryScope = {}, countCap = LIBRARY_COUNT_CAP): Promise<LibraryPage> {
  const inLibrary = libraryWhere(scope);
  const towardsNewer = request.from === "before";
  const direction = towardsNewer ? "asc" : "desc";
  const [rows, total] = await Promise.all([
    db().article.findMany({
      where: request.from === "start" ? inLibrary : { ...inLibrary, ...beyond(request.key, towardsNewer ? "newer" : "older") },
      orderBy: [{ createdAt: direction }, { id: direction }],
      take: size + 1,
      select: {
        id: true,
        slug: true,
        title: true,
        source: true,
        language: true,
        revision: true,
        createdAt: true,
        projects: { where: { project: readableProjectWhere(scope.actor ?? null) }, orderBy: { project: { name: "asc" } }, select: { project: { select: { slug: true, name: true } } } },
      },
    }),
    db().article.count({ where: inLibrary, take: countCap + 1 }),
  ]);
  const page = keysetPage(rows, size, request, (row) => ({ at: row.createdAt, id: row.id }));
  const first = page.items[0];
  const [newer, counts] = await Promise.all([
    first && request.from !== "start" ? db().article.count({ where: { ...inLibrary, ...beyond({ at: first.createdAt, id: first.id }, "newer") }, take: countCap + 1 }) : 0,
    db().paragraph.groupBy({
      by: ["articleId", "revision"],
      where: { OR: page.items.map((article) => ({ articleId: article.id, revision: article.revision })) },
      _count: { _all: true },
    }),
  ]);
  const countOf = new Map(counts.map((row) => [`${row.articleId}:${row.revision}`, row._count._all]));
  return {
    ...page,
    total: Math.min(total, countCap),
    moreThanTotal: total > countCap,
    firstPosition: !first ? 0 : newer > countCap ? null : newer + 1,
    items: page.items.map((article) => ({
      slug: article.slug,
      title: article.title,
      source: article.source,
      language: article.language,
      paragraphCount: countOf.get(`${article.id}:${article.revision}`) ?? 0,
      importedAt: article.createdAt,
      projects: article.projects.map((link) => link.project),
    })),
  };
}
