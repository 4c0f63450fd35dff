import { EMPTY_KIND_COLUMNS, kindFieldEntries, otherKindFieldNames, REF_TABLES, type AnnotationDTO, type AnnotationKind, type KindColumn, type KindColumns, type RefTable, type RefTypes } from "@/lib/annotations/kinds";
import type { AnnotationBase, AuthorDTO } from "@/lib/annotations/types";

/**
 * An annotation as stored: one flat Annotation row, references as ids. Every read of an
 * annotation (the page, the list, the highlight fast path, the packer, orphans, the entity page,
 * writes and live events) turns rows into DTOs through {@link annotationDTOFromRow}, the one mapper.
 */
export interface AnnotationRow extends KindColumns, Omit<AnnotationBase, "author" | "createdAt" | "updatedAt"> {
  kind: AnnotationKind;
  authorId: string;
  createdAt: Date;
  updatedAt: Date;
}

/** The rows a batch of annotation rows refers to, looked up once per read. */
export type AnnotationRefs = { authors: ReadonlyMap<string, AuthorDTO> } & { [T in RefTable]: ReadonlyMap<string, RefTypes[T]> };

/** The ids a batch of rows refers to, per table: what to look up before mapping them. */
export function referencedIds(rows: readonly Pick<AnnotationRow, "kind" | "authorId" | KindColumn>[]): { authors: string[] } & Record<RefTable, string[]> {
  const ids = { authors: new Set<string>(), ...Object.fromEntries(REF_TABLES.map((table) => [table, new Set<string>()])) } as { authors: Set<string> } & Record<RefTable, Set<string>>;
  for (const row of rows) {
    ids.authors.add(row.authorId);
    for (const [, spec] of kindFieldEntries(row.kind)) {
      const value = row[spec.column];
      if ("ref" in spec && value !== null) ids[spec.ref].add(value);
    }
  }
  return Object.fromEntries(Object.entries(ids).map(([table, set]) => [table, [...set]])) as { authors: string[] } & Record<RefTable, string[]>;
}

/** Builds lookups from lists of rows (each list may hold more than the rows refer to). */
export function refsFrom(lists: { authors: readonly AuthorDTO[] } & { [T in RefTable]?: readonly RefTypes[T][] }): AnnotationRefs {
  const byId = <T extends { id: string }>(list: readonly T[] = []) => new Map(list.map((item) => [item.id, item]));
  return { authors: byId(lists.authors), entityTypes: byId(lists.entityTypes), entities: byId(lists.entities) };
}

/**
 * The one row → DTO mapper: common fields copied, the kind's fields read from its columns as its
 * registry entry says (references resolved through `refs`), other kinds' fields null.
 * A missing required reference is a broken row and throws; a missing optional one reads as null.
 */
export function annotationDTOFromRow(row: AnnotationRow, refs: AnnotationRefs): AnnotationDTO {
  const author = refs.authors.get(row.authorId);
  if (!author) throw new Error(`Annotation ${row.id}: its author ${row.authorId} was not looked up.`);
  const common = {
    id: row.id,
    articleId: row.articleId,
    paragraphId: row.paragraphId,
    kind: row.kind,
    start: row.start,
    end: row.end,
    exact: row.exact,
    prefix: row.prefix,
    suffix: row.suffix,
    visibility: row.visibility,
    anchorStatus: row.anchorStatus,
    version: row.version,
    author,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    projectId: row.projectId,
  } satisfies AnnotationBase & { kind: AnnotationKind };
  // The kind fields are set from the kind's own registry entry, which is what AnnotationDTO is derived from.
  const fields = common as Record<string, unknown>;
  for (const name of otherKindFieldNames(row.kind)) fields[name] = null;
  for (const [name, spec] of kindFieldEntries(row.kind)) {
    const value = row[spec.column];
    if ("values" in spec) {
      if (value === null || !spec.values.includes(value)) throw new Error(`Annotation ${row.id}: ${spec.column} ${String(value)} is not one of ${spec.values.join(", ")}.`);
      fields[name] = value;
    } else {
      const target = value === null ? undefined : refs[spec.ref].get(value);
      if (!target && !spec.optional) throw new Error(`Annotation ${row.id}: ${spec.column} ${String(value)} was not looked up in ${spec.ref}.`);
      fields[name] = target ?? null;
    }
  }
  return common as unknown as AnnotationDTO;
}

/** The kind columns a create input sets before any server-side resolution: input fields are named after their columns. */
export function kindColumnsFromInput(input: { kind: AnnotationKind } & Record<string, unknown>): KindColumns {
  const columns: KindColumns = { ...EMPTY_KIND_COLUMNS };
  for (const [, spec] of kindFieldEntries(input.kind)) {
    const value = input[spec.column];
    columns[spec.column] = typeof value === "string" ? value : null;
  }
  return columns;
}
