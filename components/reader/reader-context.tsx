"use client";

import { createContext, useContext } from "react";
import type { EntityTypeDTO, Visibility } from "@/lib/annotations/types";
import type { AnnotationStore } from "@/lib/client/annotation-store";
import type { Actor } from "@/lib/permissions";

export interface ReaderParagraph {
  id: string;
  position: number;
  kind: "PARAGRAPH" | "HEADING" | "BLOCKQUOTE" | "LIST_ITEM";
  text: string;
}

export interface ReaderContextValue {
  articleId: string;
  store: AnnotationStore;
  actor: Actor | null;
  canWrite: boolean;
  entityTypes: EntityTypeDTO[];
  visibility: Visibility;
  setVisibility: (visibility: Visibility) => void;
  openAnnotation: (annotationId: string) => void;
  openNotes: (paragraphId: string) => void;
  notify: (message: string, action?: { label: string; run: () => void }) => void;
  /** After tagging an entity: offer its other mentions in the article (region Suggestions). */
  suggestMentions: (entity: { id: string; name: string }) => void;
}

export const ReaderContext = createContext<ReaderContextValue | null>(null);

export function useReader(): ReaderContextValue {
  const value = useContext(ReaderContext);
  if (!value) throw new Error("useReader must be used inside <ReaderWorkspace>");
  return value;
}
