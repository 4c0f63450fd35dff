import { describeRange } from "@/lib/anchoring";
import { HIGHLIGHT_COLORS, type AnnotationDTO, type AuthorDTO, type EntityTypeDTO, type NoteDTO } from "@/lib/annotations/types";

/**
 * The reader page's initial annotations in a compact form: repeated authors,
 * types and entities are sent once, and quotes are re-derived from the
 * paragraph text (which the page sends anyway) instead of being sent again.
 * An article with 10,000 annotations ships a fraction of the JSON.
 */
export interface PackedReaderState {
  authors: AuthorDTO[];
  entityTypes: EntityTypeDTO[];
  entities: { id: string; name: string }[];
  /** [id, paragraph index, 0 highlight | 1 entity, start, end, colour or -1, type or -1, entity or -1, author, private 0|1, reanchored 0|1, version, created ms, updated ms] */
  annotations: [string, number, 0 | 1, number, number, number, number, number, number, 0 | 1, 0 | 1, number, number, number][];
  /** [id, paragraph index, annotation id, parent id, body, author, private 0|1, version, created ms, updated ms] */
  notes: [string, number, string | null, string | null, string, number, 0 | 1, number, number, number][];
}

class Interner<T> {
  readonly values: T[] = [];
  private index = new Map<string, number>();
  constructor(private key: (value: T) => string) {}
  add(value: T | null): number {
    if (!value) return -1;
    const key = this.key(value);
    let position = this.index.get(key);
    if (position === undefined) {
      position = this.values.push(value) - 1;
      this.index.set(key, position);
    }
    return position;
  }
}

/** Packs annotations and notes that all lie on `paragraphIds` (the article's current text). */
export function packReaderState(annotations: AnnotationDTO[], notes: NoteDTO[], paragraphIds: string[]): PackedReaderState {
  const paragraphIndex = new Map(paragraphIds.map((id, index) => [id, index]));
  const authors = new Interner<AuthorDTO>((author) => author.id);
  const types = new Interner<EntityTypeDTO>((type) => type.id);
  const entities = new Interner<{ id: string; name: string }>((entity) => entity.id);
  const indexOf = (paragraphId: string) => {
    const index = paragraphIndex.get(paragraphId);
    if (index === undefined) throw new Error(`Paragraph ${paragraphId} is not part of the packed text.`);
    return index;
  };
  return {
    annotations: annotations.map((a) => [
      a.id,
      indexOf(a.paragraphId),
      a.kind === "ENTITY" ? 1 : 0,
      a.start,
      a.end,
      a.color ? HIGHLIGHT_COLORS.indexOf(a.color) : -1,
      types.add(a.entityType),
      entities.add(a.entity),
      authors.add(a.author),
      a.visibility === "PRIVATE" ? 1 : 0,
      a.anchorStatus === "REANCHORED" ? 1 : 0,
      a.version,
      Date.parse(a.createdAt),
      Date.parse(a.updatedAt),
    ]),
    notes: notes.map((n) => [n.id, indexOf(n.paragraphId), n.annotationId, n.parentId, n.body, authors.add(n.author), n.visibility === "PRIVATE" ? 1 : 0, n.version, Date.parse(n.createdAt), Date.parse(n.updatedAt)]),
    authors: authors.values,
    entityTypes: types.values,
    entities: entities.values,
  };
}

/** The inverse of {@link packReaderState}, given the same paragraphs' ids and texts. */
export function unpackReaderState(packed: PackedReaderState, articleId: string, paragraphs: { id: string; text: string }[]): { annotations: AnnotationDTO[]; notes: NoteDTO[] } {
  const iso = (ms: number) => new Date(ms).toISOString();
  const annotations = packed.annotations.map(([id, p, kind, start, end, color, type, entity, author, isPrivate, reanchored, version, created, updated]): AnnotationDTO => {
    const paragraph = paragraphs[p]!;
    const quote = describeRange(paragraph.text, start, end);
    return {
      id,
      articleId,
      paragraphId: paragraph.id,
      kind: kind === 1 ? "ENTITY" : "HIGHLIGHT",
      start,
      end,
      exact: quote.exact,
      prefix: quote.prefix,
      suffix: quote.suffix,
      color: color >= 0 ? HIGHLIGHT_COLORS[color]! : null,
      entityType: type >= 0 ? packed.entityTypes[type]! : null,
      entity: entity >= 0 ? packed.entities[entity]! : null,
      visibility: isPrivate ? "PRIVATE" : "SHARED",
      anchorStatus: reanchored ? "REANCHORED" : "ANCHORED",
      version,
      author: packed.authors[author]!,
      createdAt: iso(created),
      updatedAt: iso(updated),
    };
  });
  const notes = packed.notes.map(([id, p, annotationId, parentId, body, author, isPrivate, version, created, updated]): NoteDTO => ({
    id,
    articleId,
    paragraphId: paragraphs[p]!.id,
    annotationId,
    parentId,
    body,
    visibility: isPrivate ? "PRIVATE" : "SHARED",
    version,
    author: packed.authors[author]!,
    createdAt: iso(created),
    updatedAt: iso(updated),
  }));
  return { annotations, notes };
}
