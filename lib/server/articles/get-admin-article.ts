import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/permissions";
import { readableNoteWhere, readableWorkWhere } from "@/lib/permissions/where";
import { articleSelect } from "@/lib/server/articles/article-select";
import { notFound } from "@/lib/server/errors";
import { assertCanImport } from "@/lib/server/import/assert-can-import";

/** An article as the admin edit page shows it: metadata, revisions and annotation counts. */
export async function getAdminArticle({ actor, articleId }: { actor: Actor | null; articleId: string }) {
  assertCanImport(actor);
  const article = await db().article.findUnique({
    where: { id: articleId },
    select: { ...articleSelect, updatedAt: true },
  });
  if (!article) throw notFound("The article");
  const [revisions, statuses, notes] = await Promise.all([
    db().paragraph.groupBy({ by: ["revision"], where: { articleId }, _count: { _all: true }, orderBy: { revision: "desc" } }),
    // Counts are of what this admin can read: others' private work is not theirs to count.
    db().annotation.groupBy({ by: ["anchorStatus"], where: { articleId, dismissedAt: null, ...readableWorkWhere(actor) }, _count: { _all: true } }),
    db().note.count({ where: { articleId, ...readableNoteWhere(actor) } }),
  ]);
  const count = (status: "ANCHORED" | "REANCHORED" | "ORPHANED") => statuses.find((row) => row.anchorStatus === status)?._count._all ?? 0;
  return {
    ...article,
    publishedAt: article.publishedAt?.toISOString() ?? null,
    archivedAt: article.archivedAt?.toISOString() ?? null,
    createdAt: article.createdAt.toISOString(),
    updatedAt: article.updatedAt.toISOString(),
    revisions: revisions.map((row) => ({ revision: row.revision, paragraphs: row._count._all })),
    annotations: { anchored: count("ANCHORED"), reanchored: count("REANCHORED"), orphaned: count("ORPHANED") },
    notes,
  };
}

export type AdminArticle = Awaited<ReturnType<typeof getAdminArticle>>;
