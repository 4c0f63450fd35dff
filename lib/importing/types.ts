/** Mirrors the Prisma `ParagraphKind` enum so importing stays free of database imports. */
export type ParagraphKind = "PARAGRAPH" | "HEADING" | "BLOCKQUOTE" | "LIST_ITEM";

/**
 * One body block of an imported article. `text` is plain text (never markup) on a single
 * line, except for preformatted blocks (`<pre>`, fenced code) which keep their line breaks
 * and indentation.
 */
export interface ParsedParagraph {
  kind: ParagraphKind;
  text: string;
}

/** Caller-supplied facts about an article; each one overrides what a parser would infer. */
export interface ArticleMetadata {
  title?: string;
  source?: string;
  sourceUrl?: string;
  author?: string;
  /** ISO 8601 date or date-time. */
  publishedAt?: string;
  /** BCP-47 language tag. */
  language?: string;
}

/** The result of every parser: ready to be stored as an article plus its paragraphs. */
export interface ParsedArticle {
  title: string;
  /** BCP-47 tag, or "und" when the language could not be determined. */
  language: string;
  paragraphs: ParsedParagraph[];
  metadata: Omit<ArticleMetadata, "title" | "language">;
  /** Human-readable notes about suspicious input that did not prevent the import. */
  warnings: string[];
}

/** Upper bounds that protect the server and the reader UI from pathological input. */
export interface ImportLimits {
  /** Maximum UTF-8 size of the raw input (text, Markdown, HTML or one JSON line). */
  maxArticleBytes: number;
  maxParagraphs: number;
}

export const DEFAULT_LIMITS: Readonly<ImportLimits> = Object.freeze({
  maxArticleBytes: 5 * 1024 * 1024,
  maxParagraphs: 20_000,
});
