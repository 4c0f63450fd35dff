import "server-only";
import { db } from "@/lib/db";
import { canRead, canReadLibrary, type Actor } from "@/lib/permissions";
import { readPolicy } from "@/lib/permissions/policy";
import { notFound, unauthenticated } from "@/lib/server/errors";

/**
 * The gate of every API read of one article's content (its text, annotations, live feed): 401 for
 * an anonymous visitor when sign-in is required; 404 when the article does not exist or the
 * reader may not open it (archived, for anyone but an admin), so that the two look alike.
 * Returns the article's current revision.
 */
export async function findReadableArticle(actor: Actor | null, articleId: string, what = "read this article"): Promise<{ id: string; revision: number }> {
  const policy = readPolicy();
  if (!canReadLibrary(actor, policy)) throw unauthenticated(what);
  const article = await db().article.findUnique({ where: { id: articleId }, select: { id: true, revision: true, archivedAt: true } });
  if (!article || !canRead(actor, { type: "article", article }, policy)) throw notFound("The article");
  return { id: article.id, revision: article.revision };
}
