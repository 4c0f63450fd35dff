import type { NoteDTO } from "@/lib/annotations/types";
import { entityRef, entityTypeOf, kindField } from "./kind-fields";
import type { ArticleExport, ArticleSource } from "./types";

/**
 * CSV export: one row per annotation, RFC 4180 (comma-separated, CRLF line ends, a field in
 * double quotes when it holds a comma, a quote, CR or LF, quotes doubled), UTF-8, optionally
 * with a byte-order mark so that spreadsheet programs detect UTF-8 (Cyrillic opens as Cyrillic).
 *
 * Spreadsheet formula injection: a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
 * return is turned into text by a leading apostrophe (`'=SUM(A1)`), as OWASP advises, because a
 * spreadsheet would otherwise run it as a formula. The cost: a quote that really starts with
 * "-" or "=" shows that apostrophe in a plain-text reader.
 *
 * `start` and `end` are UTF-16 code units within the paragraph text (as the DOM counts; `end`
 * exclusive); `paragraph` is the paragraph's position (its `#p-N` anchor). `note` holds the
 * annotation's notes (not replies), oldest first, separated by a blank line. `project` is the
 * name of the project layer the annotation is in (empty: made outside any project); it comes
 * last so that scripts written for the columns before it keep reading the same columns.
 */

export const CSV_COLUMNS = ["article", "paragraph", "start", "end", "exact", "kind", "entity type", "entity", "speaker", "colour", "author", "created", "note", "project"] as const;

const BOM = "\uFEFF";
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV field: defused if a spreadsheet would read it as a formula, quoted if needed. */
export function csvField(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvLine(fields: (string | number | null)[]): string {
  return `${fields.map(csvField).join(",")}\r\n`;
}

/** The header line. */
export function csvHeader(): string {
  return csvLine([...CSV_COLUMNS]);
}

/** The rows of one article's annotations, in the order given. */
export function* csvArticleRows(doc: ArticleExport): Generator<string> {
  const positions = new Map(doc.article.paragraphs.map((paragraph) => [paragraph.id, paragraph.position]));
  const notesOn = new Map<string, NoteDTO[]>();
  for (const note of doc.notes) {
    if (note.annotationId === null || note.parentId !== null) continue;
    notesOn.set(note.annotationId, [...(notesOn.get(note.annotationId) ?? []), note]);
  }
  for (const annotation of doc.annotations) {
    const notes = (notesOn.get(annotation.id) ?? []).toSorted((a, b) => a.createdAt.localeCompare(b.createdAt));
    const color = kindField(annotation, "color");
    yield csvLine([
      doc.article.slug,
      positions.get(annotation.paragraphId) ?? null,
      annotation.start,
      annotation.end,
      annotation.exact,
      annotation.kind,
      entityTypeOf(annotation)?.key ?? null,
      entityRef(annotation, "entity")?.name ?? null,
      entityRef(annotation, "speaker")?.name ?? null,
      typeof color === "string" ? color : null,
      annotation.author.name,
      annotation.createdAt,
      notes.length > 0 ? notes.map((note) => note.body).join("\n\n") : null,
      (annotation.projectId !== null && doc.layers?.get(annotation.projectId)?.name) || null,
    ]);
  }
}

/** A whole CSV export, streamed article by article: optional BOM, header, rows. */
export async function* streamCsv(source: ArticleSource, options: { bom?: boolean } = {}): AsyncGenerator<string> {
  yield `${options.bom ? BOM : ""}${csvHeader()}`;
  for await (const doc of source) {
    let chunk = "";
    for (const row of csvArticleRows(doc)) chunk += row;
    if (chunk) yield chunk;
  }
}
