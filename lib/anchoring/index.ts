/*
 * Text anchoring for annotations: pure string functions shared by browser and server.
 * All offsets are UTF-16 code units within one paragraph's text, `end` exclusive.
 */
export {
  CONTEXT_LENGTH,
  describeRange,
  trimRange,
  validateSelector,
  type RangeSelector,
  type SelectorInput,
  type TextRange,
  type ValidationResult,
} from "./selectors";
export { segmentParagraph, type Segment, type SegmentableRange } from "./segments";
export { MATCH_THRESHOLD, matchQuote, type QuoteMatch, type QuoteSelector } from "./match-quote";
export { mapParagraphs, type ParagraphMap } from "./paragraph-map";
export { reanchor, type ReanchorResult, type StoredAnnotation } from "./reanchor";
