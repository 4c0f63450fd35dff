import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/permissions";
import { readableArticleWhere } from "@/lib/permissions/where";

/** How many articles the Article filter offers (the newest; any other is reached by its slug in the URL). */
export const ARTICLE_CHOICES = 200;

/** The newest articles the actor may open, plus `slug` when given (the one chosen), for the Article filter. */
export async function listInsightArticles(actor: Actor | null, slug: string | null): Promise<{ slug: string; title: string }[]> {
  const [newest, chosen] = await Promise.all([
    db().article.findMany({ where: readableArticleWhere(actor), orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: ARTICLE_CHOICES, select: { slug: true, title: true } }),
    slug ? db().article.findFirst({ where: { AND: [readableArticleWhere(actor), { slug }] }, select: { slug: true, title: true } }) : null,
  ]);
  return chosen && !newest.some((article) => article.slug === chosen.slug) ? [chosen, ...newest] : newest;
}
