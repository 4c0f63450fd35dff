/**
 * The shapes the reader, the API and the live feed exchange. Plain data (ISO
 * dates), shared by server and browser code.
 */
export { HIGHLIGHT_COLORS, type AnnotationDTO, type AnnotationKind, type AnnotationOf, type HighlightColor } from "@/lib/annotations/kinds";
import type { AnnotationDTO } from "@/lib/annotations/kinds";
export type Visibility = "SHARED" | "PRIVATE";
export type AnchorStatus = "ANCHORED" | "REANCHORED" | "ORPHANED";

export interface AuthorDTO {
  id: string;
  name: string;
  color: string;
}

export interface EntityTypeDTO {
  id: string;
  key: string;
  label: string;
  color: string;
  hotkey: string | null;
  /** What the type is for, in its project's words: the tooltip in the Tag entity menu. */
  description?: string;
}

export interface EntityRefDTO {
  id: string;
  name: string;
}

/** What every annotation has, whatever its kind (its kind's fields come from the registry, lib/annotations/kinds.ts). */
export interface AnnotationBase {
  id: string;
  articleId: string;
  paragraphId: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  visibility: Visibility;
  anchorStatus: AnchorStatus;
  version: number;
  author: AuthorDTO;
  createdAt: string;
  updatedAt: string;
  /** The project layer it was made in (null: outside any project): a reader sees one layer at a time. */
  projectId: string | null;
}

export interface NoteDTO {
  id: string;
  articleId: string;
  paragraphId: string;
  annotationId: string | null;
  parentId: string | null;
  body: string;
  visibility: Visibility;
  version: number;
  author: AuthorDTO;
  createdAt: string;
  updatedAt: string;
  /** The project layer it was written in (null: outside any project). */
  projectId: string | null;
}

/** One change on an article, as stored in ArticleEvent and streamed to readers. */
export type ArticleEventDTO =
  | { id: string; type: "annotation.upserted"; annotation: AnnotationDTO }
  | { id: string; type: "annotation.deleted"; annotationId: string }
  | { id: string; type: "note.upserted"; note: NoteDTO }
  | { id: string; type: "note.deleted"; noteId: string }
  /** A project's label set changed (entity types, colour names): readers of its layer reload them. */
  | { id: string; type: "labels.changed"; projectId: string }
  | { id: string; type: "article.revised" }
  /** The curated (gold) layer changed on a paragraph (a curator adopted a version): its views read it again. */
  | { id: string; type: "curated.changed"; paragraphId: string }
  /**
   * A suggestion (a quote the finder found, another mention of an entity) was accepted or rejected:
   * open Suggestions regions drop it. Suggestions are the article's, whatever the layer.
   */
  | { id: string; type: "suggestion.decided"; suggestionId: string; status: "ACCEPTED" | "REJECTED" };
