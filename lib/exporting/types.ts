import type { AnnotationDTO, NoteDTO } from "@/lib/annotations/types";

/**
 * What the export writers take: plain data, one article at a time, so that an export of many
 * articles streams (the caller reads one article and its annotations from the database, hands
 * it to a writer and lets it go before reading the next).
 */

/** One paragraph of the article's current revision; `position` is what its `#p-N` anchor says. */
export interface ExportParagraph {
  id: string;
  position: number;
  text: string;
}

export interface ExportArticle {
  slug: string;
  title: string;
  /** BCP-47 tag, as stored on the article. */
  language: string;
  /** In reading order. */
  paragraphs: ExportParagraph[];
}

/** A project layer work is in (lib/projects/layers.ts): its slug names it in IRIs, its name in files people read. */
export interface ExportLayer {
  slug: string;
  name: string;
}

/** An article with the annotations and notes the requester may read, as the client sees them. */
export interface ArticleExport {
  article: ExportArticle;
  annotations: AnnotationDTO[];
  notes: NoteDTO[];
  /**
   * The project layers its annotations and notes are in, by project id (their `projectId`): the
   * CSV's `project` column and the W3C export's `dcterms:isPartOf` name them. Work whose
   * `projectId` is null (made outside any project), or absent from this map, names none.
   */
  layers?: ReadonlyMap<string, ExportLayer>;
}

/** A source of articles to export: an array in tests, a database cursor in the export route. */
export type ArticleSource = Iterable<ArticleExport> | AsyncIterable<ArticleExport>;
