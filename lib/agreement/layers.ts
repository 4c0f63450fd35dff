import type { AnnotationDTO } from "@/lib/annotations/types";
import type { AgreementTable } from "./table";
import type { Span } from "./types";

/**
 * The layers agreement is measured on, each from one annotation kind: what counts as a span's
 * label and link there. Entity tags compare types (and, on the same span, the linked entity);
 * highlights and quotes compare spans only (a highlight's colour is a reader's taste), and a
 * quote's speaker is its link.
 */
export const AGREEMENT_LAYERS = {
  entities: { kind: "ENTITY", label: "Entities", link: "entity" },
  highlights: { kind: "HIGHLIGHT", label: "Highlights", link: null },
  quotes: { kind: "QUOTE", label: "Quotes", link: "speaker" },
} as const;
export type AgreementLayer = keyof typeof AGREEMENT_LAYERS;
export const AGREEMENT_LAYER_KEYS = Object.keys(AGREEMENT_LAYERS) as AgreementLayer[];

/** One layer's agreement over a set of articles (/insights). */
export interface LayerAgreement {
  layer: AgreementLayer;
  /** The articles measured: of the set, those that two or more people annotated in the layer, the most annotated first. */
  articles: number;
  /** More such articles than the limit measured: the rest are left out (said on the page). */
  limited: boolean;
  table: AgreementTable;
}

/**
 * The spans of one layer among `annotations`: only annotations placed on the text count (an
 * orphan waiting under Needs review has no place to agree on).
 */
export function layerSpans(annotations: readonly AnnotationDTO[], layer: AgreementLayer): Span[] {
  const spec = AGREEMENT_LAYERS[layer];
  return annotations
    .filter((annotation) => annotation.kind === spec.kind && annotation.anchorStatus !== "ORPHANED")
    .map((annotation) => ({
      id: annotation.id,
      annotator: annotation.author.id,
      paragraphId: annotation.paragraphId,
      start: annotation.start,
      end: annotation.end,
      label: annotation.kind === "ENTITY" ? annotation.entityType.key : spec.label,
      link: annotation.kind === "ENTITY" ? (annotation.entity?.id ?? null) : annotation.kind === "QUOTE" ? (annotation.speaker?.id ?? null) : null,
    }));
}
