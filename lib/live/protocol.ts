/**
 * What the live feed (`GET /api/articles/[articleId]/events`) sends besides
 * the stored ArticleEventDTOs, shared by the server, the browser hook and the
 * benchmark. Pure data and helpers.
 */
import type { ArticleEventDTO } from "@/lib/annotations/types";

/** Stored event types, each sent as an SSE `event:` with `id:` = the event id and the DTO as data. */
export const ARTICLE_EVENT_TYPES = ["annotation.upserted", "annotation.deleted", "note.upserted", "note.deleted", "labels.changed", "article.revised", "curated.changed", "suggestion.decided"] as const satisfies readonly ArticleEventDTO["type"][];

/** Sent instead of events the client can no longer apply one by one: it must refetch everything. */
export const RESET_EVENT = "reset";
export interface ResetPayload {
  /** "revised": the text changed (reload paragraphs too); "gap": too many or unknown events were missed. */
  reason: "gap" | "revised";
}

/** Who is reading the article now (everyone with an open feed in the last ~45 s); never stored as an event. */
export const PRESENCE_EVENT = "presence";
export interface PresenceReader {
  id: string;
  name: string;
  color: string;
}
export interface PresencePayload {
  readers: PresenceReader[];
}

/** Up to two letters for an avatar: the first letters of the first and last words ("Анна Петрова" → "АП"). */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word));
  if (words.length === 0) return "?";
  const first = (word: string) => Array.from(word.replace(/^[^\p{L}\p{N}]+/u, ""))[0] ?? "";
  const letters = words.length === 1 ? first(words[0]!) : first(words[0]!) + first(words[words.length - 1]!);
  return letters.toLocaleUpperCase();
}

/** Compares decimal event ids without losing precision (ids are PostgreSQL bigints). */
export function compareEventIds(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
