import "server-only";
import type { AnnotationDTO, HighlightColor, NoteDTO } from "@/lib/annotations/types";
import type { Prisma } from "@/lib/generated/prisma/client";

const author = { select: { id: true, name: true, color: true } } as const;

/** Where an annotation is anchored: its paragraph, offsets and quote (with context to re-anchor it). */
export const annotationAnchorSelect = {
  paragraphId: true,
  kind: true,
  start: true,
  end: true,
  exact: true,
  prefix: true,
  suffix: true,
} satisfies Prisma.AnnotationSelect;

/** What every read of an annotation selects, so that one mapper serves pages, APIs and live events. */
export const annotationSelect = {
  id: true,
  articleId: true,
  ...annotationAnchorSelect,
  color: true,
  visibility: true,
  anchorStatus: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  author,
  entityType: { select: { id: true, key: true, label: true, color: true, hotkey: true } },
  entity: { select: { id: true, name: true } },
} satisfies Prisma.AnnotationSelect;

export type AnnotationRow = Prisma.AnnotationGetPayload<{ select: typeof annotationSelect }>;

export function toAnnotationDTO(row: AnnotationRow): AnnotationDTO {
  return {
    ...row,
    color: row.color as HighlightColor | null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export const noteSelect = {
  id: true,
  articleId: true,
  paragraphId: true,
  annotationId: true,
  parentId: true,
  body: true,
  visibility: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  author,
} satisfies Prisma.NoteSelect;

export type NoteRow = Prisma.NoteGetPayload<{ select: typeof noteSelect }>;

export function toNoteDTO(row: NoteRow): NoteDTO {
  return { ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}
