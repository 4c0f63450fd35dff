/**
 * What the agreement measures take: plain spans on the paragraphs of a text, each by one
 * annotator, with a label. No kinds, no DTOs: `from-annotations.ts` turns the reader's
 * annotations into these, so the measures stay testable against published tables.
 */

/** One annotator's span on one paragraph: [start, end) in UTF-16 code units of its text. */
export interface Span {
  /** Who made it (an annotator id). */
  annotator: string;
  paragraphId: string;
  start: number;
  end: number;
  /** What the measure compares besides the span: an entity tag's type key, "Quote", "Highlight". */
  label: string;
  /** What it links to, compared where the measure asks "same entity?" (an entity tag's entity, a quote's speaker); null when none. */
  link: string | null;
  /** The annotation it came from, so a disagreement can be adopted by id. */
  id: string;
}

/** A paragraph of the measured text, in reading order: the continuum is their texts one after another. */
export interface TextParagraph {
  id: string;
  text: string;
  /**
   * The article it belongs to, over a set of articles: each pair of annotators is compared only on
   * the articles both of them marked (one person's work on an article the other never marked is
   * not a miss of the other's). Absent: the paragraphs are one text.
   */
  documentId?: string;
}

/** A value of a measure, or null when it is undefined for the data (no spans, no chance disagreement). */
export type Measure = number | null;
