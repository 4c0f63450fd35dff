import type { AnnotationRow } from "@/lib/annotations/annotation-row";
import { ANNOTATION_KIND_KEYS, EMPTY_KIND_COLUMNS, kindFieldEntries, kindOf, type AnnotationDTO, type AnnotationKind, type KindColumns, type RefTable, type W3CMotivation } from "@/lib/annotations/kinds";

/**
 * Annotations as W3C Web Annotations (https://www.w3.org/TR/annotation-model/), driven by the
 * kind registry: the motivation is the kind's, each reference field becomes a SpecificResource
 * body with its purpose, a `values` field becomes the target's styleClass. The target is the
 * paragraph with a TextPositionSelector and a TextQuoteSelector.
 */

/** The Web Annotation JSON-LD context; its IRI is also the media type's profile. */
export const ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";
/** The media type of Web Annotation JSON-LD: exports and the annotation protocol's answers. */
export const ANNO_MEDIA_TYPE = `application/ld+json; profile="${ANNO_CONTEXT}"`;

export type W3CTable = "annotations" | "paragraphs" | "users" | RefTable;

/** How ids become IRIs and back (an export knows its site's URLs). */
export interface W3CIris {
  iri(table: W3CTable, id: string): string;
  /** The id an IRI names in that table, or null when it names something else. */
  idOf(table: W3CTable, iri: string): string | null;
}

export interface W3CBody {
  type: "SpecificResource";
  purpose: W3CMotivation;
  source: string;
}

export interface W3CAnnotation {
  "@context": typeof ANNO_CONTEXT;
  id: string;
  type: "Annotation";
  motivation: W3CMotivation | W3CMotivation[];
  creator: { id: string; type: "Person"; name: string };
  created: string;
  modified: string;
  body?: W3CBody[];
  target: {
    source: string;
    styleClass?: string;
    selector: [{ type: "TextPositionSelector"; start: number; end: number }, { type: "TextQuoteSelector"; exact: string; prefix: string; suffix: string }];
  };
}

/** One annotation as a W3C Web Annotation. */
export function toW3CAnnotation(annotation: AnnotationDTO, iris: W3CIris): W3CAnnotation {
  const definition = kindOf(annotation.kind);
  const values = annotation as unknown as Record<string, unknown>;
  const body: W3CBody[] = [];
  let styleClass: string | undefined;
  for (const [name, spec] of Object.entries(definition.fields)) {
    const value = values[name];
    if (value === null || value === undefined) continue;
    if ("ref" in spec) body.push({ type: "SpecificResource", purpose: spec.w3c.purpose, source: iris.iri(spec.ref, (value as { id: string }).id) });
    else styleClass = value as string;
  }
  const [first, ...more] = definition.w3c.motivation;
  return {
    "@context": "http://www.w3.org/ns/anno.jsonld",
    id: iris.iri("annotations", annotation.id),
    type: "Annotation",
    motivation: more.length === 0 ? first! : [...definition.w3c.motivation],
    creator: { id: iris.iri("users", annotation.author.id), type: "Person", name: annotation.author.name },
    created: annotation.createdAt,
    modified: annotation.updatedAt,
    ...(body.length > 0 ? { body } : {}),
    target: {
      source: iris.iri("paragraphs", annotation.paragraphId),
      ...(styleClass !== undefined ? { styleClass } : {}),
      selector: [
        { type: "TextPositionSelector", start: annotation.start, end: annotation.end },
        { type: "TextQuoteSelector", exact: annotation.exact, prefix: annotation.prefix, suffix: annotation.suffix },
      ],
    },
  };
}

/** What a W3C annotation says about an annotation row (visibility, anchoring and version are Glossa's own). */
export type W3CRowPart = Omit<AnnotationRow, "articleId" | "visibility" | "anchorStatus" | "version" | "projectId">;

/**
 * The inverse of {@link toW3CAnnotation}: the kind is the one whose motivation it has, its
 * fields come back from the bodies (by purpose) and the styleClass. Throws on an annotation no
 * kind describes.
 */
export function fromW3CAnnotation(annotation: W3CAnnotation, iris: W3CIris): W3CRowPart {
  const motivation = new Set([annotation.motivation].flat());
  const kind = ANNOTATION_KIND_KEYS.find((key) => {
    const own = kindOf(key).w3c.motivation;
    return own.length === motivation.size && own.every((m) => motivation.has(m));
  });
  if (!kind) throw new Error(`No annotation kind has the motivation ${[...motivation].join(", ")}.`);
  const id = (table: W3CTable, iri: string) => {
    const found = iris.idOf(table, iri);
    if (found === null) throw new Error(`${iri} is not one of the ${table}.`);
    return found;
  };
  const [position, quote] = annotation.target.selector;
  return {
    id: id("annotations", annotation.id),
    paragraphId: id("paragraphs", annotation.target.source),
    kind,
    start: position.start,
    end: position.end,
    exact: quote.exact,
    prefix: quote.prefix,
    suffix: quote.suffix,
    ...kindColumnsFromW3C(kind, annotation, id),
    authorId: id("users", annotation.creator.id),
    createdAt: new Date(annotation.created),
    updatedAt: new Date(annotation.modified),
  };
}

function kindColumnsFromW3C(kind: AnnotationKind, annotation: W3CAnnotation, id: (table: W3CTable, iri: string) => string): KindColumns {
  const columns: KindColumns = { ...EMPTY_KIND_COLUMNS };
  for (const [, spec] of kindFieldEntries(kind)) {
    if ("ref" in spec) {
      const body = annotation.body?.find((candidate) => candidate.purpose === spec.w3c.purpose);
      columns[spec.column] = body ? id(spec.ref, body.source) : null;
    } else {
      columns[spec.column] = annotation.target.styleClass ?? null;
    }
  }
  return columns;
}
