/*
 * Steps shared by every parser: input guards before parsing, and turning parsed blocks plus
 * metadata into a validated ParsedArticle afterwards. Internal to lib/importing.
 */
import { Buffer } from "node:buffer";

import { toIsoDateTime } from "../validations/iso-date";
import { ImportError } from "./errors";
import { canonicalLanguageTag, detectLanguage } from "./language";
import { looksBinary, looksMojibake, normalizeInline } from "./normalize";
import { DEFAULT_LIMITS, type ArticleMetadata, type ImportLimits, type ParsedArticle, type ParsedParagraph } from "./types";

export const EMPTY_TEXT_MESSAGE = "The text is empty: paste or upload an article with at least one paragraph.";

const LONG_PARAGRAPH_CHARS = 10_000;
const DERIVED_TITLE_CHARS = 80;

/** Formats counts the same way everywhere in user-facing messages ("14,203"). */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Fills in defaults so callers may override a single limit. */
export function resolveLimits(limits?: Partial<ImportLimits>): ImportLimits {
  return { ...DEFAULT_LIMITS, ...limits };
}

/**
 * Rejects raw input before any expensive parsing: too many bytes (TOO_LARGE) or content that
 * is not text at all (BINARY).
 */
export function assertImportable(input: string, limits: ImportLimits): void {
  const bytes = Buffer.byteLength(input, "utf8");
  if (bytes > limits.maxArticleBytes) {
    const megabytes = Math.round((limits.maxArticleBytes / (1024 * 1024)) * 10) / 10;
    throw new ImportError(
      `The article is too large: ${formatCount(bytes)} bytes, the limit is ${formatCount(limits.maxArticleBytes)} bytes (${megabytes} MB).`,
      "TOO_LARGE",
    );
  }
  if (looksBinary(input)) {
    throw new ImportError(
      "This file does not look like text: it contains binary data or is not UTF-8 encoded. Save the article as UTF-8 text and try again.",
      "BINARY",
    );
  }
}

// Lives in lib/validations so the forms' schemas refuse exactly the dates the importer does.
export { toIsoDateTime };

/**
 * Returns the normalized URL if `value` (resolved against `base`, if given) is an http(s)
 * URL; other schemes such as `javascript:` are refused.
 */
export function toHttpUrl(value: string, base?: string): string | undefined {
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A title derived from the first paragraph: its first ~80 characters, cut at a word boundary
 * and marked with an ellipsis when shortened.
 */
export function deriveTitle(text: string): string {
  const chars = Array.from(text);
  if (chars.length <= DERIVED_TITLE_CHARS) return text;
  const head = chars.slice(0, DERIVED_TITLE_CHARS).join("");
  const lastSpace = head.lastIndexOf(" ");
  // Cutting a very long first word at a space near the start would leave a useless title.
  const cut = lastSpace >= DERIVED_TITLE_CHARS / 2 ? head.slice(0, lastSpace) : head;
  return `${cut.replace(/[\s,;:.!?…\-–—]+$/u, "")}…`;
}

/** Trims optional metadata and drops what cannot be stored, explaining each drop in `warnings`. */
function cleanMetadata(meta: ArticleMetadata, warnings: string[]): ParsedArticle["metadata"] {
  const metadata: ParsedArticle["metadata"] = {};
  const source = meta.source && normalizeInline(meta.source);
  if (source) metadata.source = source;
  const author = meta.author && normalizeInline(meta.author);
  if (author) metadata.author = author;
  if (meta.sourceUrl?.trim()) {
    const url = toHttpUrl(meta.sourceUrl);
    if (url) metadata.sourceUrl = url;
    else warnings.push("The source URL was ignored because it is not an http(s) address.");
  }
  if (meta.publishedAt?.trim()) {
    const date = toIsoDateTime(meta.publishedAt);
    if (date) metadata.publishedAt = date;
    else warnings.push(`The publication date “${meta.publishedAt.trim()}” was ignored because it is not an ISO 8601 date.`);
  }
  return metadata;
}

/** Everything a parser found, before validation and enrichment. */
export interface ArticleDraft {
  /** Blocks in reading order; texts already normalized. Empty texts are dropped. */
  paragraphs: ParsedParagraph[];
  /** The headline the parser found in the document, if any; `meta.title` wins over it. */
  foundTitle?: string;
  /** Caller metadata merged with what the parser inferred from the document. */
  meta: ArticleMetadata;
  /** Used when detection is unsure, e.g. `<html lang>`: it is often a site-wide template value, so detection wins. */
  fallbackLanguage?: string;
  limits: ImportLimits;
  warnings?: string[];
  emptyMessage?: string;
}

/**
 * Validates a draft (EMPTY, TOO_MANY_PARAGRAPHS), settles the title (explicit, found, a
 * leading heading, or derived from the first paragraph; never repeated as a body
 * paragraph), detects the language when none is given, collects warnings and cleans the metadata.
 */
export async function buildArticle(draft: ArticleDraft): Promise<ParsedArticle> {
  const warnings = [...(draft.warnings ?? [])];
  const paragraphs = draft.paragraphs.filter((p) => p.text.length > 0);
  let title = normalizeInline(draft.meta.title ?? "") || normalizeInline(draft.foundTitle ?? "");

  if (title) {
    const key = title.toLocaleLowerCase();
    const duplicate = paragraphs.findIndex((p) => p.text.toLocaleLowerCase() === key);
    if (duplicate !== -1) paragraphs.splice(duplicate, 1);
  }
  // Without a known title, a leading heading is the headline (e.g. an <h1> outside <article>).
  if (!title && paragraphs[0]?.kind === "HEADING" && paragraphs.length > 1) {
    title = paragraphs.shift()?.text ?? "";
  }
  const first = paragraphs[0];
  if (!first) throw new ImportError(draft.emptyMessage ?? EMPTY_TEXT_MESSAGE, "EMPTY");
  if (paragraphs.length > draft.limits.maxParagraphs) {
    throw new ImportError(
      `The article has ${formatCount(paragraphs.length)} paragraphs; the limit is ${formatCount(draft.limits.maxParagraphs)}.`,
      "TOO_MANY_PARAGRAPHS",
    );
  }
  title ||= deriveTitle(normalizeInline(first.text));

  paragraphs.forEach((p, index) => {
    // Characters (code points) are never more than UTF-16 units: most paragraphs need no count.
    if (p.text.length <= LONG_PARAGRAPH_CHARS) return;
    const length = Array.from(p.text).length;
    if (length > LONG_PARAGRAPH_CHARS) {
      warnings.push(`Paragraph ${index + 1} is very long (${formatCount(length)} characters).`);
    }
  });

  const body = paragraphs.map((p) => p.text).join("\n");
  if (looksMojibake(`${title}\n${body}`)) {
    warnings.push(
      "The text looks garbled (for example “Ðîññèÿ” instead of “Россия”): it was probably saved in another encoding. Re-save it as UTF-8 and import it again.",
    );
  }

  const requested = draft.meta.language && canonicalLanguageTag(draft.meta.language);
  let language = requested || (await detectLanguage(body));
  if (language === "und" && draft.fallbackLanguage) language = draft.fallbackLanguage;

  return { title, language, paragraphs, metadata: cleanMetadata(draft.meta, warnings), warnings };
}
