import "server-only";
import { contentHash, ImportError, parseHtml, parseMarkdown, parsePlainText, type ArticleMetadata, type ParsedArticle } from "@/lib/importing";
import { importLimits } from "@/lib/import-config";
import { AppError } from "@/lib/server/errors";
import { applyRepair, decodeBytes, REPAIRS, suggestRepair, type EncodingId, type RepairId, type RepairSuggestion } from "@/lib/server/import/encoding";
import { fetchUrl } from "@/lib/server/import/fetch-url";
import { fileKind, type PasteFormat } from "@/lib/validations/import";

/** One article's worth of input, from any of the ways in. */
export type ArticleSource =
  | ({ kind: "paste"; format: PasteFormat; text: string; repair?: RepairId } & ArticleMetadata)
  | { kind: "file"; fileName: string; bytes: Uint8Array; encoding?: EncodingId; repair?: RepairId }
  | { kind: "url"; url: string; repair?: RepairId };

export interface ReadArticle {
  parsed: ParsedArticle;
  hash: string;
  /** How the file's bytes were decoded (files and URLs). */
  encoding?: EncodingId;
  /** The repair that was applied, if any. */
  repaired?: RepairId;
  /** A repair to offer when the text looks garbled and one would fix it. */
  repairSuggestion: RepairSuggestion | null;
}

const MB = 1024 * 1024;

/**
 * Reads and parses one article: decodes bytes (refusing binary files and offering an
 * encoding for non-UTF-8 ones), fetches URLs safely, applies a requested encoding repair and
 * runs the parser for the format with the configured limits. Failures are AppErrors with a
 * message for the admin: 400 for an unusable request, 413 beyond the limits, 422 for content
 * that cannot be imported (details carry the ImportError code or an encoding suggestion).
 */
export async function readSource(source: ArticleSource): Promise<ReadArticle> {
  const limits = importLimits();
  let text: string;
  let format: PasteFormat;
  let meta: ArticleMetadata & { url?: string } = {};
  let encoding: EncodingId | undefined;
  const notices: string[] = [];

  if (source.kind === "paste") {
    ({ text, format } = source);
    meta = { title: source.title, source: source.source, sourceUrl: source.sourceUrl, author: source.author, publishedAt: source.publishedAt, language: source.language };
  } else if (source.kind === "file") {
    const kind = fileKind(source.fileName);
    if (kind === "json" || kind === "jsonl") throw new AppError("INVALID_INPUT", `${source.fileName} is a bulk file: it is imported in the background, not as one article.`);
    if (kind === null) {
      throw new AppError("UNPROCESSABLE", `${source.fileName}: unsupported file type. Glossa imports .txt, .md, .html, .json and .jsonl files.`);
    }
    if (source.bytes.length === 0) throw new AppError("UNPROCESSABLE", `${source.fileName} is empty.`, { importCode: "EMPTY" });
    if (source.bytes.length > limits.maxArticleBytes) {
      throw new AppError("TOO_LARGE", `${source.fileName} is too large: ${source.bytes.length.toLocaleString("en-US")} bytes, over the ${formatMb(limits.maxArticleBytes)} limit for one article.`);
    }
    ({ text, encoding } = decodeOrExplain(source.bytes, source.encoding, source.fileName));
    format = kind;
  } else {
    const page = await fetchUrl(source.url);
    const declared = normaliseCharset(page.charset) ?? (page.kind === "html" ? sniffHtmlCharset(page.bytes) : null);
    const decoded = decodeBytes(page.bytes, declared ?? undefined);
    if (!decoded.ok && decoded.reason === "not-utf8" && decoded.suggestion) {
      // A page cannot be re-uploaded with another encoding, so the best guess is used and said.
      ({ text, encoding } = decodeOrExplain(page.bytes, decoded.suggestion.encoding, page.finalUrl));
      notices.push(`The page does not declare its encoding and is not UTF-8: it was read as ${decoded.suggestion.label}.`);
    } else {
      ({ text, encoding } = decodeOrExplain(page.bytes, declared ?? undefined, page.finalUrl));
    }
    format = page.kind;
    meta = page.kind === "html" ? { url: page.finalUrl, sourceUrl: page.url } : { sourceUrl: page.url };
  }

  let repaired: RepairId | undefined;
  if (source.repair) {
    const fixed = applyRepair(text, source.repair);
    if (fixed === null) throw new AppError("UNPROCESSABLE", `The text cannot be repaired as ${REPAIRS[source.repair].label}: it contains characters that do not fit.`);
    text = fixed;
    repaired = source.repair;
  }

  let parsed: ParsedArticle;
  try {
    parsed = await (format === "html" ? parseHtml(text, meta, limits) : format === "markdown" ? parseMarkdown(text, meta, limits) : parsePlainText(text, meta, limits));
  } catch (error) {
    throw toAppError(error);
  }
  parsed.warnings.unshift(...notices);
  return { parsed, hash: contentHash(parsed), encoding, repaired, repairSuggestion: repaired ? null : suggestRepair(text) };
}

/** Maps a parser's ImportError to the HTTP-facing error with the same message. */
export function toAppError(error: unknown): unknown {
  if (!(error instanceof ImportError)) return error;
  const code = error.code === "TOO_LARGE" || error.code === "TOO_MANY_PARAGRAPHS" ? "TOO_LARGE" : "UNPROCESSABLE";
  return new AppError(code, error.message, { importCode: error.code });
}

function decodeOrExplain(bytes: Uint8Array, encoding: EncodingId | undefined, name: string): { text: string; encoding: EncodingId } {
  const decoded = decodeBytes(bytes, encoding);
  if (decoded.ok) return decoded;
  if (decoded.reason === "binary") {
    throw new AppError("UNPROCESSABLE", `${name} is not a text file (it contains binary data). Glossa imports text, Markdown, HTML and JSON.`, { importCode: "BINARY" });
  }
  const hint = decoded.suggestion ? ` It looks like ${decoded.suggestion.label}.` : " Choose the encoding it was saved in.";
  throw new AppError("UNPROCESSABLE", `${name} is not UTF-8 text.${hint}`, { importCode: "ENCODING", encodingSuggestion: decoded.suggestion });
}

const CHARSET_ALIASES: Record<string, EncodingId> = {
  "utf-8": "utf-8",
  utf8: "utf-8",
  "windows-1251": "windows-1251",
  "cp1251": "windows-1251",
  "x-cp1251": "windows-1251",
  "koi8-r": "koi8-r",
  koi8r: "koi8-r",
  "iso-8859-5": "iso-8859-5",
  ibm866: "ibm866",
  cp866: "ibm866",
  "windows-1252": "windows-1252",
  "iso-8859-1": "windows-1252",
  latin1: "windows-1252",
  "us-ascii": "windows-1252",
  "iso-8859-2": "iso-8859-2",
  "utf-16": "utf-16le",
  "utf-16le": "utf-16le",
  "utf-16be": "utf-16be",
};

function normaliseCharset(charset: string | null): EncodingId | null {
  if (!charset) return null;
  return CHARSET_ALIASES[charset.trim().toLowerCase()] ?? null;
}

/** `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">` in the first 2 KB. */
function sniffHtmlCharset(bytes: Uint8Array): EncodingId | null {
  const head = new TextDecoder("windows-1252").decode(bytes.subarray(0, 2048));
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return normaliseCharset(match?.[1] ?? null);
}

function formatMb(bytes: number): string {
  return `${Math.round((bytes / MB) * 10) / 10} MB`;
}
