import "server-only";
import type { AnnotationDTO, AuthorDTO, EntityTypeDTO, HighlightColor, NoteDTO } from "@/lib/annotations/types";
import { db } from "@/lib/db";
import { readableNoteWhere, readableWorkWhere } from "@/lib/permissions/where";

export interface ArticleAnnotations {
  annotations: AnnotationDTO[];
  notes: NoteDTO[];
  /** The newest event already reflected here: the live feed resumes after it. */
  lastEventId: string;
}

/**
 * Everything on the article's current text (or on `paragraphIds` of it) that
 * this reader may see, in reading order. Rows are read flat and their authors, types and entities
 * looked up once each: on an article with 10,000 annotations this is several
 * times faster than nested relation selects.
 */
export async function listArticleAnnotations({
  actorId,
  articleId,
  revision,
  paragraphIds,
}: {
  actorId: string | null;
  articleId: string;
  revision: number;
  paragraphIds?: string[];
}): Promise<ArticleAnnotations> {
  // Read the event cursor first: anything committed after it is replayed by the feed (upserts are idempotent).
  const last = await db().articleEvent.findFirst({ where: { articleId }, orderBy: { id: "desc" }, select: { id: true } });
  const reader = actorId ? { id: actorId } : null;
  const onCurrentText = paragraphIds ? { articleId, paragraphId: { in: paragraphIds } } : { articleId, paragraph: { revision } };
  const [annotations, notes] = await Promise.all([
    db().annotation.findMany({
      where: { ...onCurrentText, anchorStatus: { not: "ORPHANED" }, ...readableWorkWhere(reader) },
      orderBy: [{ start: "asc" }, { end: "desc" }, { id: "asc" }],
      select: {
        id: true, articleId: true, paragraphId: true, kind: true, start: true, end: true, exact: true, prefix: true, suffix: true, color: true,
        visibility: true, anchorStatus: true, version: true, createdAt: true, updatedAt: true, authorId: true, entityTypeId: true, entityId: true,
      },
    }),
    db().note.findMany({
      where: { ...onCurrentText, ...readableNoteWhere(reader) },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, articleId: true, paragraphId: true, annotationId: true, parentId: true, body: true, visibility: true, version: true, createdAt: true, updatedAt: true, authorId: true },
    }),
  ]);

  const authorIds = [...new Set([...annotations.map((row) => row.authorId), ...notes.map((row) => row.authorId)])];
  const entityIds = [...new Set(annotations.flatMap((row) => (row.entityId ? [row.entityId] : [])))];
  const [authors, types, entities] = await Promise.all([
    db().user.findMany({ where: { id: { in: authorIds } }, select: { id: true, name: true, color: true } }),
    db().entityType.findMany({ select: { id: true, key: true, label: true, color: true, hotkey: true } }),
    db().entity.findMany({ where: { id: { in: entityIds } }, select: { id: true, name: true } }),
  ]);
  const authorById = new Map<string, AuthorDTO>(authors.map((author) => [author.id, author]));
  const typeById = new Map<string, EntityTypeDTO>(types.map((type) => [type.id, type]));
  const entityById = new Map(entities.map((entity) => [entity.id, entity]));

  return {
    annotations: annotations.map(({ authorId, entityTypeId, entityId, ...row }) => ({
      ...row,
      color: row.color as HighlightColor | null,
      author: authorById.get(authorId)!,
      entityType: entityTypeId ? (typeById.get(entityTypeId) ?? null) : null,
      entity: entityId ? (entityById.get(entityId) ?? null) : null,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    })),
    notes: notes.map(({ authorId, ...row }) => ({ ...row, author: authorById.get(authorId)!, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() })),
    lastEventId: (last?.id ?? BigInt(0)).toString(),
  };
}
