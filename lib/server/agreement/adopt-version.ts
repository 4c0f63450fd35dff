import "server-only";
import type { CuratedAnnotationDTO } from "@/lib/agreement";
import { db } from "@/lib/db";
import { canCurate, type Actor } from "@/lib/permissions";
import { readableWorkWhere } from "@/lib/permissions/where";
import { findReadableArticle } from "@/lib/server/articles/find-readable-article";
import { AppError, forbidden, notFound } from "@/lib/server/errors";
import { publishEvent } from "@/lib/server/live/publish-event";
import { adoptVersionSchema } from "@/lib/validations/curation";
import { curatedDTOs, curatedRowSelect } from "./curated-rows";

/**
 * Adopts one annotator's version of a disputed stretch into the article's curated layer: the
 * curated annotations of that kind overlapping the stretch are replaced by copies of the named
 * annotations (none: the gold says nothing belongs there). In order: parse, curator or admin
 * (403), the article readable (401/404) and not archived (409), the paragraph on its current text
 * (404), each annotation readable, placed, of that kind and inside the stretch (404/422) and shared
 * (422: adopting private work would publish it); then one transaction, serialised per paragraph so
 * that two curators adopting at once leave one version, not both, and that tells everyone on the
 * article (`curated.changed` on the live feed: open Disagreements views read the layer again).
 * Returns the stretch's curated annotations after the change.
 */
export async function adoptVersion({ actor, articleId, input }: { actor: Actor; articleId: string; input: unknown }): Promise<CuratedAnnotationDTO[]> {
  const { paragraphId, kind, start, end, annotationIds } = adoptVersionSchema.parse(input);
  if (!canCurate(actor)) throw forbidden("Only curators and administrators can adopt a version into the curated layer.");
  const article = await findReadableArticle(actor, articleId, "curate this article");
  if (article.archivedAt) throw new AppError("CONFLICT", "This article is archived: its curated layer can no longer change.");
  const paragraph = await db().paragraph.findFirst({ where: { id: paragraphId, articleId, revision: article.revision }, select: { id: true } });
  if (!paragraph) throw notFound("The paragraph");

  const sources = await db().annotation.findMany({
    where: { id: { in: annotationIds }, articleId, paragraphId, anchorStatus: { not: "ORPHANED" }, ...readableWorkWhere(actor) },
    select: { id: true, kind: true, start: true, end: true, exact: true, prefix: true, suffix: true, color: true, entityTypeId: true, entityId: true, speakerId: true, authorId: true, visibility: true },
  });
  const missing = annotationIds.filter((id) => !sources.some((source) => source.id === id));
  if (missing.length > 0) throw new AppError("NOT_FOUND", `Annotation ${missing.join(", ")} was not found on this paragraph.`, { annotationIds: missing });
  for (const source of sources) {
    if (source.kind !== kind) throw new AppError("UNPROCESSABLE", `Annotation ${source.id} is not of kind ${kind}.`);
    if (source.start < start || source.end > end) throw new AppError("UNPROCESSABLE", `Annotation ${source.id} lies outside the stretch ${start}–${end}.`);
    if (source.visibility !== "SHARED") throw new AppError("UNPROCESSABLE", "Only shared annotations can be adopted: the curated layer is read by everyone on the article.");
  }

  const rows = await db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`curated:${paragraphId}`}))`;
    await tx.curatedAnnotation.deleteMany({ where: { paragraphId, kind, start: { lt: end }, end: { gt: start } } });
    if (sources.length > 0) {
      await tx.curatedAnnotation.createMany({
        data: sources.map(({ id, visibility: _visibility, ...version }) => ({ ...version, articleId, paragraphId, sourceAnnotationId: id, adoptedById: actor.id })),
      });
    }
    // Everyone on the article may read the curated layer: no audience.
    await publishEvent(tx, articleId, { type: "curated.changed", paragraphId }, null);
    return tx.curatedAnnotation.findMany({ where: { paragraphId, kind, start: { gte: start }, end: { lte: end } }, orderBy: [{ start: "asc" }, { end: "desc" }, { id: "asc" }], select: curatedRowSelect });
  });
  return curatedDTOs(db(), rows);
}
