import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/permissions";
import { readableArticleWhere } from "@/lib/permissions/where";

/** How many of a project's articles its page lists (the library's Project filter pages through all). */
export const PROJECT_PAGE_ARTICLES = 50;

/** The newest articles of a project the reader may open (not archived), and how many there are. */
export async function listProjectArticles({ actor, projectId }: { actor: Actor | null; projectId: string }) {
  const where = { AND: [readableArticleWhere(actor), { archivedAt: null }, { projects: { some: { projectId } } }] };
  const [articles, total] = await Promise.all([
    db().article.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: PROJECT_PAGE_ARTICLES, select: { id: true, slug: true, title: true, language: true } }),
    db().article.count({ where }),
  ]);
  return { articles, total };
}

/** Articles the reader may open that are not in the project yet, newest first: what its Manager may add. */
export async function listArticlesOutsideProject({ actor, projectId }: { actor: Actor; projectId: string }) {
  return db().article.findMany({
    where: { AND: [readableArticleWhere(actor), { archivedAt: null }, { projects: { none: { projectId } } }] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 200,
    select: { id: true, title: true },
  });
}
