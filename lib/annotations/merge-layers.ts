import type { AnnotationDTO, NoteDTO } from "@/lib/annotations/types";

/** Annotations and notes on (part of) an article's text. */
export interface WorkLayer {
  annotations: readonly AnnotationDTO[];
  notes: readonly NoteDTO[];
}

/** Reading order of annotations, as the database sorts them: by start, longer first, then id. */
function byReadingOrder(a: AnnotationDTO, b: AnnotationDTO): number {
  return a.start - b.start || b.end - a.end || compareIds(a.id, b.id);
}

/** Notes oldest first (ISO times of one format sort as strings), then by id. */
function byAge(a: NoteDTO, b: NoteDTO): number {
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : compareIds(a.id, b.id);
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The shared layer (possibly cached: never modified here, and new arrays are returned) with a
 * reader's own rows merged in, in reading order: what that reader may see. The own rows are
 * disjoint from the shared ones (list-own-annotations.ts).
 */
export function mergeLayers(shared: WorkLayer, own: WorkLayer | null): { annotations: AnnotationDTO[]; notes: NoteDTO[] } {
  if (!own || (own.annotations.length === 0 && own.notes.length === 0)) return { annotations: [...shared.annotations], notes: [...shared.notes] };
  return {
    annotations: [...shared.annotations, ...own.annotations].sort(byReadingOrder),
    notes: [...shared.notes, ...own.notes].sort(byAge),
  };
}
