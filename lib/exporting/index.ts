/*
 * Export writers: pure functions from plain data (an article, its annotations and notes as the
 * client sees them) to text, one article at a time, so a whole-corpus export streams rows from
 * the database through them without holding more than one article. Offsets: UTF-16 code units
 * within a paragraph unless a format says otherwise (doccano and spaCy count code points).
 */
export type { ArticleExport, ArticleSource, ExportArticle, ExportLayer, ExportParagraph } from "./types";
export { exportIris, type ExportIris } from "./iris";
export { ANNO_CONTEXT, ANNO_MEDIA_TYPE } from "@/lib/annotations/w3c";
export { LAYER_PROPERTY, streamW3CCollection, w3cArticleAnnotations, w3cCollection, w3cPage, w3cPageIri, type WebAnnotation } from "./w3c";
export { CSV_COLUMNS, csvArticleRows, csvHeader, streamCsv } from "./csv";
export { articleMarkdown, streamMarkdown } from "./markdown";
export { articleConll, streamConll } from "./conll";
export { doccanoLine, spacyLine, streamDoccano, streamSpacy } from "./jsonl";
export { parseW3CAnnotations, type ParsedAnnotation, type ParsedNote, type ParsedNoteItem, type ParsedW3CItem, type W3CParseError, type W3CParseResult } from "./parse-w3c";
export { PROGRESS_UNITS, progressCounter, type ProgressUnit } from "./progress";
export { placeAnnotation, type Placement, type PlacementParagraph, type QuoteToPlace } from "./place-annotation";
