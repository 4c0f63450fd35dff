import type { AnnotationDTO } from "@/lib/annotations/types";
import { entityTypeOf } from "./kind-fields";
import type { ExportParagraph } from "./types";

/**
 * Named-entity spans for the training-data exports (CoNLL, doccano, spaCy): every annotation
 * whose kind classifies its text with an entity type, labelled with the type's key (PER, ORG…).
 */
export interface EntitySpan {
  id: string;
  /** UTF-16 code units within the paragraph, `end` exclusive. */
  start: number;
  end: number;
  label: string;
  createdAt: string;
}

/** The entity spans of a paragraph, in text order (spans outside its text are left out). */
export function entitySpans(paragraph: ExportParagraph, annotations: readonly AnnotationDTO[]): EntitySpan[] {
  const spans: EntitySpan[] = [];
  for (const annotation of annotations) {
    const type = entityTypeOf(annotation);
    if (!type || annotation.paragraphId !== paragraph.id) continue;
    if (annotation.start < 0 || annotation.end > paragraph.text.length || annotation.start >= annotation.end) continue;
    spans.push({ id: annotation.id, start: annotation.start, end: annotation.end, label: type.key, createdAt: annotation.createdAt });
  }
  return spans.sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * Resolves overlapping entity spans for formats that cannot nest them (IOB tags, spaCy `ents`).
 * The rule: when two spans share a character, the longer one wins; on equal length the one that
 * starts first; then the older one (created first); then the smaller id. Returns the kept spans
 * in text order and how many were dropped.
 */
export function resolveOverlaps(spans: readonly EntitySpan[]): { kept: EntitySpan[]; dropped: number } {
  const byPriority = spans.toSorted(
    (a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  );
  const kept: EntitySpan[] = [];
  for (const span of byPriority) {
    if (!kept.some((other) => span.start < other.end && other.start < span.end)) kept.push(span);
  }
  return { kept: kept.sort((a, b) => a.start - b.start), dropped: spans.length - kept.length };
}
