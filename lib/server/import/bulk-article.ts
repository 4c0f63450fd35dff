/*
 * How a bulk file's articles are kept between upload and import: parsed once at upload (the
 * check), stored as JSON in ImportJobChunk.items, read back by the worker without parsing the
 * source again. Pure.
 */
import type { ParsedArticle } from "@/lib/importing";

export interface StoredArticle {
  parsed: ParsedArticle;
  hash: string;
}

/** Serialises a checked article for ImportJobChunk.items (warnings were shown at preview, not kept). */
export function packArticle(parsed: ParsedArticle, hash: string): string {
  return JSON.stringify({ title: parsed.title, language: parsed.language, metadata: parsed.metadata, paragraphs: parsed.paragraphs, hash });
}

export function unpackArticle(text: string): StoredArticle {
  const value = JSON.parse(text) as Omit<ParsedArticle, "warnings"> & { hash: string };
  const { hash, ...rest } = value;
  return { parsed: { ...rest, warnings: [] }, hash };
}
