import "server-only";
import type { CuratedAnnotationDTO } from "@/lib/agreement";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/permissions";
import { findReadableArticle } from "@/lib/server/articles/find-readable-article";
import { curatedDTOs, curatedRowSelect } from "./curated-rows";

/**
 * The article's curated layer on its current text, in reading order, for whoever may read the
 * article (401/404 as every read of it). Everything in it is shared work by construction (only
 * shared annotations can be adopted), so it needs no per-row filter.
 */
export async function listCuratedAnnotations({ actor, articleId }: { actor: Actor | null; articleId: string }): Promise<CuratedAnnotationDTO[]> {
  const { revision } = await findReadableArticle(actor, articleId, "read this article");
  const rows = await db().curatedAnnotation.findMany({
    where: { articleId, paragraph: { revision } },
    orderBy: [{ paragraph: { position: "asc" } }, { start: "asc" }, { end: "desc" }, { id: "asc" }],
    select: curatedRowSelect,
  });
  return curatedDTOs(db(), rows);
}
