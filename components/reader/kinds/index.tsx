"use client";

import type { AnnotationDTO, AnnotationKind } from "@/lib/annotations/kinds";
import { entityUI } from "@/components/reader/kinds/entity";
import { highlightUI } from "@/components/reader/kinds/highlight";
import { quoteUI } from "@/components/reader/kinds/quote";
import type { KindUI } from "@/components/reader/kinds/types";

/** Each kind's own UI pieces, one entry per registry kind (a kind without one does not compile). */
export const KIND_UI = {
  HIGHLIGHT: highlightUI,
  ENTITY: entityUI,
  QUOTE: quoteUI,
} satisfies { [K in AnnotationKind]: Pick<KindUI<K, unknown>, "Editor"> };

/** A kind's UI with its kind-specific types widened: TypeScript cannot correlate `KIND_UI[a.kind]` with `a`. */
export function kindUI(kind: AnnotationKind): KindUI<AnnotationKind, unknown> {
  return KIND_UI[kind] as unknown as KindUI<AnnotationKind, unknown>;
}

/** The details dialog's controls for an annotation's own fields, whatever its kind. */
export function KindEditor({ annotation, editable }: { annotation: AnnotationDTO; editable: boolean }) {
  const { Editor } = kindUI(annotation.kind);
  return <Editor annotation={annotation as never} editable={editable} />;
}
