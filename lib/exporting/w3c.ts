import { describeRange } from "@/lib/anchoring";
import { ANNO_CONTEXT } from "@/lib/annotations/w3c";
import { kindOf, type AnnotationDTO, type RefTable, type RefTypes, type W3CMotivation } from "@/lib/annotations/kinds";
import type { AuthorDTO, NoteDTO } from "@/lib/annotations/types";
import { articleText, type ArticleText } from "./article-text";
import type { ExportIris } from "./iris";
import { kindFields } from "./kind-fields";
import type { ArticleExport, ArticleSource, ExportArticle, ExportParagraph } from "./types";

/**
 * W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/) export. Each highlight,
 * entity tag (and any other registered kind) is an Annotation whose motivation and bodies come
 * from the kind registry; the notes on it are TextualBody bodies (purpose `commenting`, with
 * their own id); a paragraph note is an Annotation of its own (motivation `commenting`) and a
 * reply is one too (motivation `replying`, targeting the note it answers).
 *
 * The target's source is the paragraph's URL (`…/articles/<slug>#p-N`); its selectors let
 * Glossa and other clients anchor it: a CssSelector `#p-N` refined by a TextQuoteSelector, the
 * same refined by a TextPositionSelector (UTF-16 code units within the paragraph text, as the
 * DOM counts), and a document-level TextQuoteSelector whose context is taken across paragraphs
 * (separated by a blank line) for clients that search the whole page.
 */


export interface TextQuoteSelector {
  type: "TextQuoteSelector";
  exact: string;
  prefix: string;
  suffix: string;
}
export interface TextPositionSelector {
  type: "TextPositionSelector";
  start: number;
  end: number;
}
export interface CssSelector {
  type: "CssSelector";
  value: string;
  refinedBy?: TextQuoteSelector | TextPositionSelector;
}
export type W3CSelector = CssSelector | TextQuoteSelector | TextPositionSelector;

export interface W3CAgent {
  id: string;
  type: "Person";
  name: string;
}

export interface W3CTextualBody {
  type: "TextualBody";
  id?: string;
  purpose: W3CMotivation;
  value: string;
  format: "text/markdown";
  creator?: W3CAgent;
  created?: string;
  modified?: string;
}

export interface W3CSpecificResourceBody {
  type: "SpecificResource";
  purpose: W3CMotivation;
  source: string;
}

export type W3CBody = W3CTextualBody | W3CSpecificResourceBody;

export interface W3CTextTarget {
  type: "SpecificResource";
  source: string;
  styleClass?: string;
  selector: W3CSelector[];
}

/**
 * The property naming the project layer an annotation is in: Dublin Core's `isPartOf` ("a related
 * resource in which the described resource is physically or logically included"), written as an
 * absolute IRI, which JSON-LD reads under any context, so the anno.jsonld context stays as it is.
 */
export const LAYER_PROPERTY = "http://purl.org/dc/terms/isPartOf";

/** A project layer as the W3C export names it: the project's page and its name. */
export interface W3CLayer {
  id: string;
  name: string;
}

export interface WebAnnotation {
  "@context": typeof ANNO_CONTEXT;
  id: string;
  type: "Annotation";
  motivation: W3CMotivation | W3CMotivation[];
  creator: W3CAgent;
  created: string;
  modified: string;
  body?: W3CBody[];
  target: W3CTextTarget | string;
  /** The project layer it is in; absent for work made outside any project. */
  [LAYER_PROPERTY]?: W3CLayer;
}

/** The IRI a reference body points at, per referenced table (a new table must say its IRI). */
const refIri: { [T in RefTable]: (value: RefTypes[T], iris: ExportIris) => string } = {
  entities: (entity, iris) => iris.entity(entity.id),
  entityTypes: (type, iris) => iris.entityType(type.key),
};

function agent(author: AuthorDTO, iris: ExportIris): W3CAgent {
  return { id: iris.user(author.id), type: "Person", name: author.name };
}

function paragraphSelector(position: number): string {
  return `#p-${position}`;
}

/** A note as a TextualBody (Markdown, with its author and times; with its own id when it sits on an annotation). */
function noteBody(note: NoteDTO, slug: string, iris: ExportIris, purpose: W3CMotivation, withId: boolean): W3CTextualBody {
  return {
    type: "TextualBody",
    ...(withId ? { id: iris.note(slug, note.id) } : {}),
    purpose,
    value: note.body,
    format: "text/markdown",
    creator: agent(note.author, iris),
    created: note.createdAt,
    modified: note.updatedAt,
  };
}

function oneOrMany<T>(values: T[]): T | T[] {
  return values.length === 1 ? values[0]! : values;
}

/** The span's target: the paragraph, its quote and position selectors and a document-level quote. */
function textTarget(annotation: AnnotationDTO, paragraph: ExportParagraph | undefined, article: ExportArticle, text: ArticleText, iris: ExportIris, styleClass: string | undefined): W3CTextTarget {
  const quote = { exact: annotation.exact, prefix: annotation.prefix, suffix: annotation.suffix };
  const start = paragraph ? text.startOf.get(paragraph.id) : undefined;
  const documentQuote: TextQuoteSelector = { type: "TextQuoteSelector", ...quote };
  if (start !== undefined && annotation.start < annotation.end && annotation.end <= paragraph!.text.length) {
    // The same context length as the paragraph quote, taken across paragraph boundaries.
    const across = describeRange(text.text, start + annotation.start, start + annotation.end);
    documentQuote.prefix = across.prefix;
    documentQuote.suffix = across.suffix;
  }
  const inParagraph: W3CSelector[] = paragraph
    ? [
        { type: "CssSelector", value: paragraphSelector(paragraph.position), refinedBy: { type: "TextQuoteSelector", ...quote } },
        { type: "CssSelector", value: paragraphSelector(paragraph.position), refinedBy: { type: "TextPositionSelector", start: annotation.start, end: annotation.end } },
      ]
    : [];
  return {
    type: "SpecificResource",
    // An annotation whose paragraph is not in the current text (an orphan) keeps only its quote.
    source: paragraph ? iris.paragraph(article.slug, paragraph.position) : iris.article(article.slug),
    ...(styleClass !== undefined ? { styleClass } : {}),
    selector: [...inParagraph, documentQuote],
  };
}

/**
 * The annotations of one article as W3C Web Annotations: one per annotation (its notes as
 * bodies), then one per paragraph note and per reply. A generator, so a whole-corpus export
 * holds one article at a time.
 */
export function* w3cArticleAnnotations(doc: ArticleExport, iris: ExportIris): Generator<WebAnnotation> {
  const { article } = doc;
  const slug = article.slug;
  const paragraphs = new Map(article.paragraphs.map((paragraph) => [paragraph.id, paragraph]));
  const text = articleText(article);
  /** The layer property of work in `projectId` (nothing outside projects, or for a layer the caller did not name). */
  const layerOf = (projectId: string | null): Pick<WebAnnotation, typeof LAYER_PROPERTY> => {
    const layer = projectId === null ? undefined : doc.layers?.get(projectId);
    return layer ? { [LAYER_PROPERTY]: { id: iris.project(layer.slug), name: layer.name } } : {};
  };
  const annotationIds = new Set(doc.annotations.map((annotation) => annotation.id));
  const notesOn = new Map<string, NoteDTO[]>();
  const standalone: NoteDTO[] = [];
  for (const note of doc.notes) {
    if (note.parentId === null && note.annotationId !== null && annotationIds.has(note.annotationId)) {
      notesOn.set(note.annotationId, [...(notesOn.get(note.annotationId) ?? []), note]);
    } else {
      standalone.push(note);
    }
  }

  for (const annotation of doc.annotations) {
    const bodies: W3CBody[] = [];
    let styleClass: string | undefined;
    for (const { spec, value } of kindFields(annotation)) {
      if (value === null) continue;
      if ("ref" in spec) {
        const iri = refIri[spec.ref] as (value: unknown, iris: ExportIris) => string;
        bodies.push({ type: "SpecificResource", purpose: spec.w3c.purpose, source: iri(value, iris) });
      } else {
        styleClass = value as string;
      }
    }
    const notes = notesOn.get(annotation.id) ?? [];
    for (const note of notes) bodies.push(noteBody(note, slug, iris, "commenting", true));
    const motivation = [...kindOf(annotation.kind).w3c.motivation, ...(notes.length > 0 ? (["commenting"] as const) : [])];
    yield {
      "@context": ANNO_CONTEXT,
      id: iris.annotation(slug, annotation.id),
      type: "Annotation",
      motivation: oneOrMany(motivation),
      creator: agent(annotation.author, iris),
      created: annotation.createdAt,
      modified: annotation.updatedAt,
      ...(bodies.length > 0 ? { body: bodies } : {}),
      target: textTarget(annotation, paragraphs.get(annotation.paragraphId), article, text, iris, styleClass),
      ...layerOf(annotation.projectId),
    };
  }

  for (const note of standalone) {
    const paragraph = paragraphs.get(note.paragraphId);
    const reply = note.parentId !== null;
    const target: W3CTextTarget | string = reply
      ? iris.note(slug, note.parentId!)
      : paragraph
        ? { type: "SpecificResource", source: iris.paragraph(slug, paragraph.position), selector: [{ type: "CssSelector", value: paragraphSelector(paragraph.position) }] }
        : iris.article(slug);
    const purpose: W3CMotivation = reply ? "replying" : "commenting";
    yield {
      "@context": ANNO_CONTEXT,
      id: iris.note(slug, note.id),
      type: "Annotation",
      motivation: purpose,
      creator: agent(note.author, iris),
      created: note.createdAt,
      modified: note.updatedAt,
      body: [noteBody(note, slug, iris, purpose, false)],
      target,
      ...layerOf(note.projectId),
    };
  }
}

/** The IRI of page `index` (0-based) of a collection. */
export function w3cPageIri(collectionIri: string, index: number): string {
  return `${collectionIri}${collectionIri.includes("?") ? "&" : "?"}page=${index}`;
}

export interface W3CAnnotationPage<T> {
  "@context": typeof ANNO_CONTEXT;
  id: string;
  type: "AnnotationPage";
  partOf: string;
  startIndex: number;
  next?: string;
  prev?: string;
  items: T[];
}

export interface W3CAnnotationCollection {
  "@context": typeof ANNO_CONTEXT;
  id: string;
  type: "AnnotationCollection";
  label: string;
  total: number;
  first?: string;
  last?: string;
}

/** A collection's description: `total` items in pages of `pageSize` (no first/last when empty). */
export function w3cCollection(options: { id: string; label: string; total: number; pageSize: number }): W3CAnnotationCollection {
  const pages = Math.ceil(options.total / options.pageSize);
  return {
    "@context": ANNO_CONTEXT,
    id: options.id,
    type: "AnnotationCollection",
    label: options.label,
    total: options.total,
    ...(pages > 0 ? { first: w3cPageIri(options.id, 0), last: w3cPageIri(options.id, pages - 1) } : {}),
  };
}

/** Page `index` of a collection of `total` items, holding `items` (the caller's slice). */
export function w3cPage<T>(options: { collection: string; index: number; pageSize: number; total: number; items: T[] }): W3CAnnotationPage<T> {
  const pages = Math.ceil(options.total / options.pageSize);
  return {
    "@context": ANNO_CONTEXT,
    id: w3cPageIri(options.collection, options.index),
    type: "AnnotationPage",
    partOf: options.collection,
    startIndex: options.index * options.pageSize,
    ...(options.index + 1 < pages ? { next: w3cPageIri(options.collection, options.index + 1) } : {}),
    ...(options.index > 0 ? { prev: w3cPageIri(options.collection, options.index - 1) } : {}),
    items: options.items,
  };
}

/**
 * A whole export as one JSON-LD document, streamed: an AnnotationCollection whose single page
 * is embedded as `first` and whose items are written as the articles arrive; `total` comes last,
 * once known (JSON object members are unordered). Nothing but the current article is held.
 */
export async function* streamW3CCollection(source: ArticleSource, options: { iris: ExportIris; id: string; label: string }): AsyncGenerator<string> {
  const page = w3cPageIri(options.id, 0);
  yield `{"@context":${JSON.stringify(ANNO_CONTEXT)},"id":${JSON.stringify(options.id)},"type":"AnnotationCollection","label":${JSON.stringify(options.label)},`;
  yield `"first":{"id":${JSON.stringify(page)},"type":"AnnotationPage","partOf":${JSON.stringify(options.id)},"startIndex":0,"items":[`;
  let total = 0;
  for await (const doc of source) {
    let chunk = "";
    for (const annotation of w3cArticleAnnotations(doc, options.iris)) {
      // The page carries the context once; each item repeats it so it can also stand alone.
      chunk += `${total > 0 ? "," : ""}\n${JSON.stringify(annotation)}`;
      total++;
    }
    if (chunk) yield chunk;
  }
  yield `\n]},"last":${JSON.stringify(page)},"total":${total}}\n`;
}
