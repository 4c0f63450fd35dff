import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/permissions";
import { notFound } from "@/lib/server/errors";
import { assertCanImport } from "@/lib/server/import/assert-can-import";

/**
 * Archives an article (it leaves the library; its text, revisions, annotations and notes all
 * stay) or brings it back. Idempotent.
 */
export async function setArticleArchived({ actor, articleId, archived }: { actor: Actor | null; articleId: string; archived: boolean }) {
  assertCanImport(actor);
  const existing = await db().article.findUnique({ where: { id: articleId }, select: { archivedAt: true } });
  if (!existing) throw notFound("The article");
  if (Boolean(existing.archivedAt) === archived) return { id: articleId, archivedAt: existing.archivedAt?.toISOString() ?? null };
  const row = await db().article.update({ where: { id: articleId }, data: { archivedAt: archived ? new Date() : null }, select: { id: true, archivedAt: true } });
  return { id: row.id, archivedAt: row.archivedAt?.toISOString() ?? null };
}
