/**
 * Turning user input (plain text, Markdown, HTML, JSON Lines) into plain-text articles.
 * Pure server-side code: no React, Next.js or database imports.
 */
export type { ArticleMetadata, ImportLimits, ParagraphKind, ParsedArticle, ParsedParagraph } from "./types";
export { DEFAULT_LIMITS } from "./types";
export { ImportError, type ImportErrorCode } from "./errors";
export { contentHash, looksBinary, looksMojibake, normalizeText, slugify } from "./normalize";
export { detectLanguage } from "./language";
export { parsePlainText } from "./text";
export { parseMarkdown } from "./markdown";
export { parseHtml } from "./html";
export { parseJsonLine } from "./jsonl";
