import { createHash } from "node:crypto";
import { splitOutsideQuotes } from "./negotiation";

/**
 * Entity tags (RFC 9110 § 8.8.3) for protocol representations: a strong tag made from the
 * representation's bytes, so any change a client could see (a new note, a renamed entity, another
 * page) changes it, and conditional requests compare exactly what was sent. Pure.
 */

/** The strong ETag of a representation's text. */
export function etagOf(text: string): string {
  return `"${createHash("sha256").update(text, "utf8").digest("base64url").slice(0, 32)}"`;
}

function tagsOf(header: string): string[] {
  return splitOutsideQuotes(header, ",");
}

const opaque = (tag: string) => tag.replace(/^W\//, "");

/** If-None-Match (weak comparison): true when the client's copy is current, so a GET answers 304. */
export function noneMatchHits(header: string | null, etag: string): boolean {
  if (header === null) return false;
  return tagsOf(header).some((tag) => tag === "*" || opaque(tag) === opaque(etag));
}

/** If-Match (strong comparison): true when the client edited the current representation. */
export function ifMatchHolds(header: string, etag: string): boolean {
  return tagsOf(header).some((tag) => tag === "*" || (!tag.startsWith("W/") && tag === etag));
}
