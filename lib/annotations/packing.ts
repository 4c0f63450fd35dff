import { describeRange } from "@/lib/anchoring";
import { refsFrom, annotationDTOFromRow, type AnnotationRow } from "@/lib/annotations/annotation-row";
import { ANNOTATION_KIND_KEYS, EMPTY_KIND_COLUMNS, kindFieldEntries, REF_TABLES, type KindColumns, type RefTable, type RefTypes } from "@/lib/annotations/kinds";
import type { AnnotationDTO, AuthorDTO, NoteDTO } from "@/lib/annotations/types";

/**
 * The reader page's initial annotations in a compact form: repeated authors and referenced rows
 * (entity types, entities) are sent once, and quotes are re-derived from the paragraph text
 * (which the page sends anyway) instead of being sent again. An article with 10,000 annotations
 * ships a fraction of the JSON. Kind fields are packed as the kind registry describes them, and
 * unpacked through the one row → DTO mapper.
 */
export interface PackedReaderState {
  authors: AuthorDTO[];
  /** Rows the annotations refer to, each once, per table. */
  refs: { [T in RefTable]: RefTypes[T][] };
  /**
   * [id, paragraph index, kind (index in the registry), start, end, author, private 0|1, reanchored 0|1, version, created ms, updated ms,
   * ...the kind's fields in registry order: a value's index in its list, or a referenced row's index in `refs`; -1 for null]
   */
  annotations: [string, number, number, number, number, number, 0 | 1, 0 | 1, number, number, number, ...number[]][];
  /** [id, paragraph index, annotation id, parent id, body, author, private 0|1, version, created ms, updated ms] */
  notes: [string, number, string | null, string | null, string, number, 0 | 1, number, number, number][];
  /**
   * The project layer of the work (a reader sees one layer, so it is nearly always the same for
   * every row): sent once, with the rare rows of another layer by id in `otherLayers`.
   */
  layer: string | null;
  otherLayers?: Record<string, string | null>;
}

/** Where a packed annotation's kind fields start. */
const KIND_FIELDS_AT = 11;

class Interner<T extends { id: string }> {
  readonly values: T[] = [];
  private index = new Map<string, number>();
  add(value: T | null): number {
    if (!value) return -1;
    let position = this.index.get(value.id);
    if (position === undefined) {
      position = this.values.push(value) - 1;
      this.index.set(value.id, position);
    }
    return position;
  }
}

/** Packs annotations and notes that all lie on `paragraphIds` (the article's current text). */
export function packReaderState(annotations: AnnotationDTO[], notes: NoteDTO[], paragraphIds: string[]): PackedReaderState {
  const paragraphIndex = new Map(paragraphIds.map((id, index) => [id, index]));
  const authors = new Interner<AuthorDTO>();
  const refs = Object.fromEntries(REF_TABLES.map((table) => [table, new Interner()])) as { [T in RefTable]: Interner<RefTypes[T]> };
  const indexOf = (paragraphId: string) => {
    const index = paragraphIndex.get(paragraphId);
    if (index === undefined) throw new Error(`Paragraph ${paragraphId} is not part of the packed text.`);
    return index;
  };
  const layer = annotations[0]?.projectId ?? notes[0]?.projectId ?? null;
  const otherLayers: Record<string, string | null> = {};
  for (const work of [...annotations, ...notes]) if (work.projectId !== layer) otherLayers[work.id] = work.projectId;
  return {
    layer,
    ...(Object.keys(otherLayers).length > 0 ? { otherLayers } : {}),
    annotations: annotations.map((a) => {
      const values = a as unknown as Record<string, unknown>;
      const kindFields = kindFieldEntries(a.kind).map(([name, spec]) => {
        const value = values[name] ?? null;
        if ("ref" in spec) return (refs[spec.ref] as Interner<{ id: string }>).add(value as { id: string } | null);
        return value === null ? -1 : spec.values.indexOf(value as string);
      });
      return [
        a.id,
        indexOf(a.paragraphId),
        ANNOTATION_KIND_KEYS.indexOf(a.kind),
        a.start,
        a.end,
        authors.add(a.author),
        a.visibility === "PRIVATE" ? 1 : 0,
        a.anchorStatus === "REANCHORED" ? 1 : 0,
        a.version,
        Date.parse(a.createdAt),
        Date.parse(a.updatedAt),
        ...kindFields,
      ];
    }),
    notes: notes.map((n) => [n.id, indexOf(n.paragraphId), n.annotationId, n.parentId, n.body, authors.add(n.author), n.visibility === "PRIVATE" ? 1 : 0, n.version, Date.parse(n.createdAt), Date.parse(n.updatedAt)]),
    authors: authors.values,
    refs: Object.fromEntries(REF_TABLES.map((table) => [table, refs[table].values])) as PackedReaderState["refs"],
  };
}

/** The inverse of {@link packReaderState}, given the same paragraphs' ids and texts. */
export function unpackReaderState(packed: PackedReaderState, articleId: string, paragraphs: { id: string; text: string }[]): { annotations: AnnotationDTO[]; notes: NoteDTO[] } {
  const iso = (ms: number) => new Date(ms).toISOString();
  const lookups = refsFrom({ authors: packed.authors, ...packed.refs });
  const layerOf = (id: string): string | null => {
    const other = packed.otherLayers?.[id];
    return other === undefined ? packed.layer : other;
  };
  const annotations = packed.annotations.map((tuple): AnnotationDTO => {
    const [id, p, kindIndex, start, end, author, isPrivate, reanchored, version, created, updated] = tuple;
    const paragraph = paragraphs[p]!;
    const kind = ANNOTATION_KIND_KEYS[kindIndex];
    if (!kind) throw new Error(`Annotation ${id} has an unknown kind (${kindIndex}).`);
    const columns: KindColumns = { ...EMPTY_KIND_COLUMNS };
    const fields = kindFieldEntries(kind);
    for (let index = 0; index < fields.length; index++) {
      const spec = fields[index]![1];
      const value = (tuple[KIND_FIELDS_AT + index] as number | undefined) ?? -1;
      if (value >= 0) columns[spec.column] = "ref" in spec ? packed.refs[spec.ref][value]!.id : spec.values[value]!;
    }
    const row: AnnotationRow = {
      id,
      articleId,
      paragraphId: paragraph.id,
      kind,
      // start, end and the quote with its context, as the text has them.
      ...describeRange(paragraph.text, start, end),
      ...columns,
      visibility: isPrivate ? "PRIVATE" : "SHARED",
      anchorStatus: reanchored ? "REANCHORED" : "ANCHORED",
      version,
      authorId: packed.authors[author]!.id,
      createdAt: new Date(created),
      updatedAt: new Date(updated),
      projectId: layerOf(id),
    };
    return annotationDTOFromRow(row, lookups);
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
    projectId: layerOf(id),
  }));
  return { annotations, notes };
}
