import type { ComponentType } from "react";
import type { AnnotationKind, AnnotationOf, KindData } from "@/lib/annotations/kinds";

/**
 * What one kind's piece of the selection toolbar gets. The toolbar renders every kind's piece in
 * registry order: its buttons in the main row, or, once one of them opened it, its panel alone.
 */
export interface ToolbarPieceProps<Draft> {
  /** "buttons": the main row is shown; "panel": this kind's panel is open; "hidden": another kind's is. */
  show: "buttons" | "panel" | "hidden";
  /** Opens this kind's panel (e.g. the entity type menu). */
  openPanel: () => void;
  /** Creates annotations of this kind on the selection and closes the toolbar. */
  create: (input: KindData) => void;
  /** Closes the toolbar without creating anything. */
  cancel: () => void;
  /** Choices that outlive one selection (the highlight colour), kept by the toolbar. */
  draft: Draft;
  setDraft: (draft: Draft) => void;
}

/** A kind's own UI: everything the reader draws differently for it beyond the registry's render hints. */
export interface KindUI<K extends AnnotationKind, Draft> {
  initialDraft: Draft;
  Toolbar: ComponentType<ToolbarPieceProps<Draft>>;
  /** The details dialog's controls for the kind's own fields. */
  Editor: ComponentType<{ annotation: AnnotationOf<K>; editable: boolean }>;
}
