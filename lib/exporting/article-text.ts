import type { ExportArticle } from "./types";

/** What separates paragraphs in a whole-article text (doccano, spaCy, document-level quotes). */
export const PARAGRAPH_SEPARATOR = "\n\n";

export interface ArticleText {
  text: string;
  /** Where each paragraph (by id) starts in `text`, in UTF-16 code units. */
  startOf: ReadonlyMap<string, number>;
}

/** The article as one text: its paragraphs in order, separated by a blank line. */
export function articleText(article: ExportArticle): ArticleText {
  const startOf = new Map<string, number>();
  let offset = 0;
  const parts: string[] = [];
  for (const paragraph of article.paragraphs) {
    if (parts.length > 0) offset += PARAGRAPH_SEPARATOR.length;
    startOf.set(paragraph.id, offset);
    parts.push(paragraph.text);
    offset += paragraph.text.length;
  }
  return { text: parts.join(PARAGRAPH_SEPARATOR), startOf };
}
