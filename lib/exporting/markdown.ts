import type { AnnotationDTO, NoteDTO } from "@/lib/annotations/types";
import { entityRef, entityTypeOf } from "./kind-fields";
import type { ArticleExport, ArticleSource } from "./types";

/**
 * Markdown digest of an article, for pasting into a story draft: the title, each paragraph with
 * highlights and quotes in bold (overlapping ones merged into one bold run, since Markdown
 * cannot overlap emphasis), a footnote after each annotation that has notes (its notes, then
 * the replies), paragraph notes as block quotes under their paragraph, and the tagged
 * entities listed by entity (or by type and text when no entity is linked).
 *
 * Text is escaped so that a quote containing `*`, `_` or `[` stays text. Footnote labels carry
 * the article's slug, so digests of several articles can share one file.
 */

const SPECIAL = /[\\`*_[\]<>]/g;
const BLOCK_START = /^(\s*)([#>+-]|\d+[.)])/;

/** Markdown-escapes inline text. */
export function escapeMarkdown(text: string): string {
  return text.replace(SPECIAL, "\\$&");
}

/** Escapes a paragraph: inline specials, and a start a Markdown reader would take as a block. */
function escapeParagraphStart(text: string): string {
  return text.replace(BLOCK_START, (_all, space: string, marker: string) => `${space}\\${marker}`);
}

/** Indents continuation lines so a multi-line note stays inside its footnote or list item. */
function indent(text: string, prefix: string): string {
  return text.split("\n").join(`\n${prefix}`);
}

interface Insert {
  at: number;
  /** Closing marks sort before footnote references, which sort before opening marks. */
  order: number;
  text: string;
}

/** Disjoint, sorted ranges covering the union of the given ones. */
function union(ranges: { start: number; end: number }[]): { start: number; end: number }[] {
  const merged: { start: number; end: number }[] = [];
  for (const range of ranges.toSorted((a, b) => a.start - b.start)) {
    const last = merged.at(-1);
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

function renderParagraph(text: string, marked: AnnotationDTO[], footnotes: Map<string, string>): string {
  const inserts: Insert[] = [];
  for (const range of union(marked)) {
    inserts.push({ at: range.start, order: 2, text: "**" }, { at: range.end, order: 0, text: "**" });
  }
  for (const annotation of marked) {
    const label = footnotes.get(annotation.id);
    if (label) inserts.push({ at: annotation.end, order: 1, text: `[^${label}]` });
  }
  inserts.sort((a, b) => a.at - b.at || a.order - b.order);
  let out = "";
  let from = 0;
  for (const insert of inserts) {
    out += escapeMarkdown(text.slice(from, insert.at)) + insert.text;
    from = insert.at;
  }
  return escapeParagraphStart(out + escapeMarkdown(text.slice(from)));
}

function noteLine(note: NoteDTO): string {
  return `${escapeMarkdown(note.author.name)}: ${note.body}`;
}

/** The digest of one article (ends with a newline). */
export function articleMarkdown(doc: ArticleExport): string {
  const { article } = doc;
  const byParagraph = new Map<string, AnnotationDTO[]>();
  for (const annotation of doc.annotations) byParagraph.set(annotation.paragraphId, [...(byParagraph.get(annotation.paragraphId) ?? []), annotation]);
  const repliesTo = new Map<string, NoteDTO[]>();
  const rootNotes = new Map<string, NoteDTO[]>();
  const paragraphNotes = new Map<string, NoteDTO[]>();
  const annotationIds = new Set(doc.annotations.map((annotation) => annotation.id));
  for (const note of doc.notes) {
    if (note.parentId !== null) repliesTo.set(note.parentId, [...(repliesTo.get(note.parentId) ?? []), note]);
    else if (note.annotationId !== null && annotationIds.has(note.annotationId)) rootNotes.set(note.annotationId, [...(rootNotes.get(note.annotationId) ?? []), note]);
    else paragraphNotes.set(note.paragraphId, [...(paragraphNotes.get(note.paragraphId) ?? []), note]);
  }
  // Replies are marked with an arrow rather than indented: in a footnote, indenting further
  // would turn them into a code block.
  const thread = (note: NoteDTO, depth: number): string[] => [
    `${"↳ ".repeat(depth)}${noteLine(note)}`,
    ...(repliesTo.get(note.id) ?? []).flatMap((reply) => thread(reply, depth + 1)),
  ];

  const footnotes = new Map<string, string>();
  const footnoteText: string[] = [];
  const lines: string[] = [`# ${escapeMarkdown(article.title)}`, ""];
  for (const paragraph of article.paragraphs) {
    // Entity tags are listed below rather than marked: most of a story's text would be bold.
    const marked = (byParagraph.get(paragraph.id) ?? []).filter((annotation) => entityTypeOf(annotation) === null && annotation.end <= paragraph.text.length);
    for (const annotation of marked) {
      const notes = rootNotes.get(annotation.id) ?? [];
      const speaker = entityRef(annotation, "speaker");
      if (notes.length === 0 && !speaker) continue;
      const label = `${article.slug}-${footnotes.size + 1}`;
      footnotes.set(annotation.id, label);
      const body = [...(speaker ? [`Said by ${escapeMarkdown(speaker.name)}.`] : []), ...notes.flatMap((note) => thread(note, 0))];
      footnoteText.push(`[^${label}]: ${indent(body.join("\n"), "    ")}`);
    }
    lines.push(renderParagraph(paragraph.text, marked, footnotes), "");
    for (const note of paragraphNotes.get(paragraph.id) ?? []) {
      lines.push(...thread(note, 0).map((line) => `> ${indent(line, "> ")}`), "");
    }
  }

  const entities = new Map<string, { name: string; type: string; mentions: Set<string> }>();
  for (const annotation of doc.annotations) {
    const type = entityTypeOf(annotation);
    if (!type) continue;
    const entity = entityRef(annotation, "entity");
    const key = entity ? `entity:${entity.id}` : `text:${type.key}:${annotation.exact}`;
    const entry = entities.get(key) ?? { name: entity?.name ?? annotation.exact, type: type.label, mentions: new Set<string>() };
    entry.mentions.add(annotation.exact);
    entities.set(key, entry);
  }
  if (entities.size > 0) {
    lines.push("## Entities", "");
    for (const entry of [...entities.values()].sort((a, b) => a.type.localeCompare(b.type) || a.name.localeCompare(b.name))) {
      lines.push(`- **${escapeMarkdown(entry.name)}** (${escapeMarkdown(entry.type)}): ${[...entry.mentions].map((mention) => `«${escapeMarkdown(mention)}»`).join(", ")}`);
    }
    lines.push("");
  }
  if (footnoteText.length > 0) lines.push(...footnoteText, "");
  return `${lines.join("\n").trimEnd()}\n`;
}

/** Digests of many articles, streamed one article at a time, separated by a rule. */
export async function* streamMarkdown(source: ArticleSource): AsyncGenerator<string> {
  let first = true;
  for await (const doc of source) {
    yield `${first ? "" : "\n---\n\n"}${articleMarkdown(doc)}`;
    first = false;
  }
}
