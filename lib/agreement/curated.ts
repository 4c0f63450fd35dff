import type { AnnotationDTO, AuthorDTO } from "@/lib/annotations/types";
import type { ExportFormat } from "@/lib/validations/export";

/**
 * One annotation of the curated (gold) layer as the client sees it: the adopted version as an
 * annotation (its author is whose version it was; its id is the curated copy's), and who adopted it.
 */
export interface CuratedAnnotationDTO {
  annotation: AnnotationDTO;
  adoptedBy: AuthorDTO;
  adoptedAt: string;
  /** The annotation it was copied from, while that still exists. */
  sourceAnnotationId: string | null;
}

/** Where the article's curated layer downloads in a format (the Export menu's Curated group). */
export function curatedExportHref(articleId: string, format: ExportFormat): string {
  return `/api/articles/${encodeURIComponent(articleId)}/curated/export?format=${format}`;
}
