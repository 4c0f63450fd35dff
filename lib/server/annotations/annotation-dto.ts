import "server-only";
import { annotationDTOFromRow, referencedIds, refsFrom, type AnnotationRefs, type AnnotationRow } from "@/lib/annotations/annotation-row";
import { entityMentionKinds, type KindColumn } from "@/lib/annotations/kinds";
import type { AnnotationDTO, NoteDTO } from "@/lib/annotations/types";
import type { Prisma } from "@/lib/generated/prisma/client";

const author = { select: { id: true, name: true, color: true } } as const;
const entityTypeSelect = { id: true, key: true, label: true, color: true, hotkey: true } as const;
const entitySelect = { id: true, name: true } as const;

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

/** The kind columns (lib/annotations/kinds.ts): a column added there must be added here, or this does not compile. */
export const kindColumnSelect = { color: true, entityTypeId: true, entityId: true, speakerId: true } satisfies Record<KindColumn, true>;

/** The flat row every read of an annotation selects: what the one mapper (annotationDTOFromRow) takes. */
export const annotationRowSelect = {
  id: true,
  articleId: true,
  ...annotationAnchorSelect,
  ...kindColumnSelect,
  visibility: true,
  anchorStatus: true,
  version: true,
  authorId: true,
  createdAt: true,
  updatedAt: true,
  projectId: true,
} satisfies Prisma.AnnotationSelect & Record<keyof AnnotationRow, true>;

/** The row with the rows it refers to joined: for reading one annotation (or a few) without separate look-ups. */
export const annotationSelect = {
  ...annotationRowSelect,
  author,
  entityType: { select: entityTypeSelect },
  entity: { select: entitySelect },
  speaker: { select: entitySelect },
} satisfies Prisma.AnnotationSelect;

export type AnnotationRecord = Prisma.AnnotationGetPayload<{ select: typeof annotationSelect }>;

/** A row read with {@link annotationSelect} as a DTO: its joined rows are the look-ups of the one mapper. */
export function toAnnotationDTO(record: AnnotationRecord): AnnotationDTO {
  return annotationDTOFromRow(record, refsFrom({ authors: [record.author], entityTypes: record.entityType ? [record.entityType] : [], entities: [record.entity, record.speaker].filter((entity) => entity !== null) }));
}

/**
 * The annotations that mention an entity (its words name it): a row filter built from the
 * registry (FieldSpec `mention`), so that a kind referring to an entity in another role (a
 * quote's speaker) is not counted among its mentions. Uses AND, so that it combines with read
 * filters that use OR.
 */
export function mentionsOfEntity(entityId: string) {
  return { AND: [{ OR: [...entityMentionKinds()].map(([column, kinds]) => ({ kind: { in: kinds }, [column]: entityId })) }] } satisfies Prisma.AnnotationWhereInput;
}

/**
 * Looks up, once each, the authors and the rows the kind columns of `rows` refer to (plus
 * `authorIds`, e.g. the authors of notes read alongside): the fast way to map many flat rows.
 */
export async function loadAnnotationRefs(client: Prisma.TransactionClient, rows: readonly AnnotationRow[], { authorIds = [] }: { authorIds?: readonly string[] } = {}): Promise<AnnotationRefs> {
  const ids = referencedIds(rows);
  const authors = [...new Set([...ids.authors, ...authorIds])];
  const [users, entityTypes, entities] = await Promise.all([
    authors.length > 0 ? client.user.findMany({ where: { id: { in: authors } }, select: author.select }) : [],
    ids.entityTypes.length > 0 ? client.entityType.findMany({ where: { id: { in: ids.entityTypes } }, select: entityTypeSelect }) : [],
    ids.entities.length > 0 ? client.entity.findMany({ where: { id: { in: ids.entities } }, select: entitySelect }) : [],
  ]);
  return refsFrom({ authors: users, entityTypes, entities });
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
  projectId: true,
  author,
} satisfies Prisma.NoteSelect;

export type NoteRow = Prisma.NoteGetPayload<{ select: typeof noteSelect }>;

export function toNoteDTO(row: NoteRow): NoteDTO {
  return { ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}
