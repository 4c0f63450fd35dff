import { articleText } from "./article-text";
import { entitySpans, resolveOverlaps, type EntitySpan } from "./entity-spans";
import { codePointOffsets } from "./offsets";
import type { ArticleExport, ArticleSource } from "./types";

/**
 * Training-data JSONL, one line per article, the article's text being its paragraphs separated
 * by a blank line ("\n\n"). Offsets count Unicode code points, as Python's `str` indexes (what
 * doccano and spaCy use), not the UTF-16 units Glossa stores: every emoji or other character
 * outside the Basic Multilingual Plane before a span shifts it by one.
 *
 * - doccano (sequence labelling import): `{"text", "label": [[start, end, "PER"], …], "article"}`;
 *   overlapping tags are all kept (doccano shows them); `article` becomes metadata.
 * - spaCy: `{"text", "ents": [{"start", "end", "label"}], "spans": [...], "meta": {"article"}}`;
 *   `ents` has overlaps resolved (longest wins, see entity-spans.ts) so it can be assigned to
 *   `doc.ents`; `spans` keeps them all, for a span group:
 *
 *       doc = nlp.make_doc(record["text"])
 *       doc.ents = [doc.char_span(e["start"], e["end"], label=e["label"]) for e in record["ents"]]
 *       doc.spans["sc"] = [doc.char_span(s["start"], s["end"], label=s["label"]) for s in record["spans"]]
 *       doc_bin.add(doc)
 */

interface ArticleSpans {
  text: string;
  /** Every entity span, in code points within `text`, in text order. */
  all: EntitySpan[];
  /** The same with overlaps resolved. */
  resolved: EntitySpan[];
}

function articleSpans(doc: ArticleExport): ArticleSpans {
  const { text, startOf } = articleText(doc.article);
  const toCodePoints = codePointOffsets(text);
  const all: EntitySpan[] = [];
  const resolved: EntitySpan[] = [];
  for (const paragraph of doc.article.paragraphs) {
    const offset = startOf.get(paragraph.id)!;
    const spans = entitySpans(paragraph, doc.annotations);
    const shift = (span: EntitySpan): EntitySpan => ({ ...span, start: toCodePoints(offset + span.start), end: toCodePoints(offset + span.end) });
    all.push(...spans.map(shift));
    resolved.push(...resolveOverlaps(spans).kept.map(shift));
  }
  return { text, all, resolved };
}

/** One article as a doccano JSONL line (with its newline). */
export function doccanoLine(doc: ArticleExport): string {
  const { text, all } = articleSpans(doc);
  return `${JSON.stringify({ text, label: all.map((span) => [span.start, span.end, span.label]), article: doc.article.slug })}\n`;
}

/** One article as a spaCy-ready JSONL line (with its newline). */
export function spacyLine(doc: ArticleExport): string {
  const { text, all, resolved } = articleSpans(doc);
  const plain = (span: EntitySpan) => ({ start: span.start, end: span.end, label: span.label });
  return `${JSON.stringify({ text, ents: resolved.map(plain), spans: all.map(plain), meta: { article: doc.article.slug } })}\n`;
}

/** Many articles as doccano JSONL, streamed a line at a time. */
export async function* streamDoccano(source: ArticleSource): AsyncGenerator<string> {
  for await (const doc of source) yield doccanoLine(doc);
}

/** Many articles as spaCy-ready JSONL, streamed a line at a time. */
export async function* streamSpacy(source: ArticleSource): AsyncGenerator<string> {
  for await (const doc of source) yield spacyLine(doc);
}
