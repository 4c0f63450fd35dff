import "server-only";
import { annotationDTOFromRow, type AnnotationRow } from "@/lib/annotations/annotation-row";
import type { CuratedAnnotationDTO } from "@/lib/agreement";
import type { Prisma } from "@/lib/generated/prisma/client";
import { annotationAnchorSelect, kindColumnSelect, loadAnnotationRefs } from "@/lib/server/annotations/annotation-dto";

/** The CuratedAnnotation columns every read of the curated layer selects. */
export const curatedRowSelect = {
  id: true,
  articleId: true,
  ...annotationAnchorSelect,
  ...kindColumnSelect,
  sourceAnnotationId: true,
  authorId: true,
  adoptedById: true,
  createdAt: true,
} satisfies Prisma.CuratedAnnotationSelect;

export type CuratedRow = Prisma.CuratedAnnotationGetPayload<{ select: typeof curatedRowSelect }>;

/**
 * Curated rows as the client sees them, through the one annotation mapper: a curated copy is an
 * annotation row that is shared, anchored and never edited (version 1), so every export writer and
 * the reader's rendering take it as they take any annotation.
 */
export async function curatedDTOs(client: Prisma.TransactionClient, rows: readonly CuratedRow[]): Promise<CuratedAnnotationDTO[]> {
  const annotationRows: AnnotationRow[] = rows.map(({ sourceAnnotationId: _source, adoptedById: _adopter, ...row }) => ({
    ...row,
    visibility: "SHARED",
    anchorStatus: "ANCHORED",
    version: 1,
    updatedAt: row.createdAt,
    // The curated layer is the article's gold data, above any project's layer.
    projectId: null,
  }));
  const refs = await loadAnnotationRefs(client, annotationRows, { authorIds: rows.map((row) => row.adoptedById) });
  return rows.map((row, index) => ({
    annotation: annotationDTOFromRow(annotationRows[index]!, refs),
    adoptedBy: refs.authors.get(row.adoptedById)!,
    adoptedAt: row.createdAt.toISOString(),
    sourceAnnotationId: row.sourceAnnotationId,
  }));
}
