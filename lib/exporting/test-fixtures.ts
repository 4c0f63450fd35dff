import { readFileSync } from "node:fs";
import path from "node:path";
import { describeRange } from "@/lib/anchoring";
import type { AnnotationDTO, AuthorDTO, EntityRefDTO, EntityTypeDTO, HighlightColor, NoteDTO } from "@/lib/annotations/types";
import type { ArticleExport, ExportParagraph } from "./types";

/** Test data for the export writers: articles and annotations built the way the app builds them. */

export const BASE_URL = "https://glossa.example";
export const ALICE: AuthorDTO = { id: "u-alice", name: "Alice Example", color: "#e11d48" };
export const BORIS: AuthorDTO = { id: "u-boris", name: "Борис", color: "#2563eb" };

export const ENTITY_TYPES: Record<"PER" | "ORG" | "LOC" | "EVENT", EntityTypeDTO> = {
  PER: { id: "t-per", key: "PER", label: "Person", color: "#f97316", hotkey: "p" },
  ORG: { id: "t-org", key: "ORG", label: "Organisation", color: "#0ea5e9", hotkey: "o" },
  LOC: { id: "t-loc", key: "LOC", label: "Location", color: "#22c55e", hotkey: "l" },
  EVENT: { id: "t-event", key: "EVENT", label: "Event", color: "#a855f7", hotkey: "e" },
};

export const CREATED = "2026-11-30T09:15:00.000Z";
export const MODIFIED = "2026-11-30T10:20:30.000Z";

/** Paragraphs with ids `p<position>`. */
export function paragraphs(...texts: string[]): ExportParagraph[] {
  return texts.map((text, position) => ({ id: `p${position}`, position, text }));
}

export function article(slug: string, texts: string[], language = "ru"): ArticleExport["article"] {
  return { slug, title: texts[0] ?? slug, language, paragraphs: paragraphs(...texts) };
}

export interface SpanOptions {
  id: string;
  /** Which occurrence of the quote in the paragraph (0 = first). */
  occurrence?: number;
  author?: AuthorDTO;
}

/** The UTF-16 range of the n-th occurrence of `exact` in the paragraph. */
function locate(paragraph: ExportParagraph, exact: string, occurrence = 0): { start: number; end: number } {
  let start = -1;
  for (let seen = 0; seen <= occurrence; seen++) {
    start = paragraph.text.indexOf(exact, start + 1);
    if (start < 0) throw new Error(`"${exact}" (occurrence ${occurrence}) is not in paragraph ${paragraph.position}.`);
  }
  return { start, end: start + exact.length };
}

/** What every annotation has, for the n-th occurrence of `exact` (kinds add their own fields). */
export function spanBase(paragraph: ExportParagraph, exact: string, options: SpanOptions) {
  const { start, end } = locate(paragraph, exact, options.occurrence);
  return {
    id: options.id,
    articleId: "a1",
    paragraphId: paragraph.id,
    ...describeRange(paragraph.text, start, end),
    visibility: "SHARED" as const,
    anchorStatus: "ANCHORED" as const,
    version: 1,
    author: options.author ?? ALICE,
    createdAt: CREATED,
    updatedAt: MODIFIED,
    projectId: null,
  };
}

export function highlight(paragraph: ExportParagraph, exact: string, options: SpanOptions & { color?: HighlightColor }): AnnotationDTO {
  return { ...spanBase(paragraph, exact, options), kind: "HIGHLIGHT", color: options.color ?? "yellow" };
}

export function entityTag(paragraph: ExportParagraph, exact: string, type: keyof typeof ENTITY_TYPES, options: SpanOptions & { entity?: EntityRefDTO }): AnnotationDTO {
  return { ...spanBase(paragraph, exact, options), kind: "ENTITY", entityType: ENTITY_TYPES[type], entity: options.entity ?? null };
}

export function note(paragraph: ExportParagraph, body: string, options: { id: string; annotationId?: string; parentId?: string; author?: AuthorDTO }): NoteDTO {
  return {
    id: options.id,
    articleId: "a1",
    paragraphId: paragraph.id,
    annotationId: options.annotationId ?? null,
    parentId: options.parentId ?? null,
    body,
    visibility: "SHARED",
    version: 1,
    author: options.author ?? ALICE,
    createdAt: CREATED,
    updatedAt: MODIFIED,
    projectId: null,
  };
}

/** The sample story (lib/importing/fixtures/kremlin-georgia-ru.txt) as paragraphs, split at blank lines. */
export function sampleStory(): ArticleExport["article"] {
  const text = readFileSync(path.join(process.cwd(), "lib/importing/fixtures/kremlin-georgia-ru.txt"), "utf8");
  const texts = text.split(/\n\s*\n/).map((block) => block.trim()).filter(Boolean);
  return article("kremlin-georgia", texts);
}

const PUTIN: EntityRefDTO = { id: "e-putin", name: "Владимир Путин" };
const KREMLIN: EntityRefDTO = { id: "e-kremlin", name: "Кремль" };

/**
 * The sample story annotated as a reader would: entity tags (one nested in another), a
 * highlight with a note and a reply, a paragraph note.
 */
export function annotatedSample(): ArticleExport {
  const story = sampleStory();
  const [first, second] = story.paragraphs;
  if (!first || !second) throw new Error("The sample story has fewer than two paragraphs.");
  const annotations: AnnotationDTO[] = [
    entityTag(first, "Грузией", "LOC", { id: "s-georgia" }),
    entityTag(first, "ТАСС", "ORG", { id: "s-tass" }),
    entityTag(first, "Кремля", "ORG", { id: "s-kremlin", entity: KREMLIN }),
    entityTag(first, "Владимира Путина", "PER", { id: "s-putin", entity: PUTIN }),
    entityTag(first, "президента РФ Владимира Путина", "PER", { id: "s-president", entity: PUTIN, author: BORIS }),
    highlight(first, "Власти России разделяют озабоченность", { id: "s-hl", color: "green" }),
  ];
  const notes: NoteDTO[] = [
    note(first, "Check the **date** of the letter.", { id: "n-1", annotationId: "s-hl" }),
    note(first, "It was sent on Thursday; see =HYPERLINK(\"x\")", { id: "n-2", annotationId: "s-hl", parentId: "n-1", author: BORIS }),
    note(second, "Background paragraph, \"quotes\", commas", { id: "n-3" }),
  ];
  return { article: story, annotations, notes };
}
