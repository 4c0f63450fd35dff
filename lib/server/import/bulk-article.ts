/*
 * How a bulk file's articles are kept between upload and import: parsed once at upload (the
 * check), stored as JSON in ImportJobChunk.items, read back by the worker without parsing the
 * source again. Pure.
 */
import type { ParsedArticle } from "@/lib/importing";

export interface StoredArticle {
  parsed: ParsedArticle;
  hash: string;
  /** The project its line named, checked at upload (absent: the default project). */
  projectId?: string;
}

/** Serialises a checked article for ImportJobChunk.items (warnings were shown at preview, not kept). */
export function packArticle(parsed: ParsedArticle, hash: string, projectId?: string): string {
  return JSON.stringify({ title: parsed.title, language: parsed.language, metadata: parsed.metadata, paragraphs: parsed.paragraphs, hash, projectId });
}

export function unpackArticle(text: string): StoredArticle {
  const value = JSON.parse(text) as Omit<ParsedArticle, "warnings"> & { hash: string; projectId?: string };
  const { hash, projectId, ...rest } = value;
  return { parsed: { ...rest, warnings: [] }, hash, ...(projectId ? { projectId } : {}) };
}
