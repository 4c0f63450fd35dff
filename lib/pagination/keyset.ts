import { z } from "zod";

/**
 * Keyset ("seek") pagination over rows ordered newest first by (time, id): a page is asked for
 * as the rows after or before a row's key, never by offset, so page 2,000 costs what page 1 does
 * (one index range read) and rows added meanwhile neither repeat nor vanish between pages.
 */

/** Where a page starts: the row key its neighbour page ended (after) or began (before) with. */
export interface RowKey {
  at: Date;
  id: string;
}

export type PageRequest = { from: "start" } | { from: "after" | "before"; key: RowKey };

/** A page of rows, newest first, with the keys its Previous and Next links carry (null: no such page). */
export interface KeysetPage<T> {
  items: T[];
  previous: string | null;
  next: string | null;
}

const keySchema = z.tuple([z.iso.datetime(), z.string().min(1).max(100)]);

/** The opaque URL form of a row key (base64url of its time and id). */
export function encodeRowKey(key: RowKey): string {
  return Buffer.from(JSON.stringify([key.at.toISOString(), key.id])).toString("base64url");
}

/** The row key of a URL's cursor, or null when it is not one encodeRowKey made. */
export function decodeRowKey(value: string): RowKey | null {
  if (value.length > 300 || !/^[A-Za-z0-9_-]+$/.test(value)) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const parsed = keySchema.safeParse(json);
  return parsed.success ? { at: new Date(parsed.data[0]), id: parsed.data[1] } : null;
}

/**
 * The page a URL's `after` / `before` parameters ask for. Both, either repeated, or a cursor that
 * does not decode is an error (the caller shows it and the first page).
 */
export function parsePageRequest(params: { after?: string | string[]; before?: string | string[] }): PageRequest | { error: string } {
  const { after, before } = params;
  if (after === undefined && before === undefined) return { from: "start" };
  if (Array.isArray(after) || Array.isArray(before) || (after !== undefined && before !== undefined)) {
    return { error: "This page address is not valid: it names more than one place to start." };
  }
  const from = after !== undefined ? "after" : "before";
  const key = decodeRowKey((after ?? before)!);
  return key ? { from, key } : { error: "This page address is not valid: its place in the list cannot be read." };
}

/**
 * Turns the rows a query read for `request` — up to `size + 1` of them, newest first for `start`
 * and `after`, oldest first for `before` (the seek runs towards the newer rows) — into the page:
 * at most `size` rows newest first, and the cursors of its neighbours.
 */
export function keysetPage<T>(rows: T[], size: number, request: PageRequest, keyOf: (row: T) => RowKey): KeysetPage<T> {
  const more = rows.length > size;
  const kept = rows.slice(0, size);
  const items = request.from === "before" ? kept.reverse() : kept;
  const first = items[0];
  const last = items.at(-1);
  // Coming from a neighbour means that neighbour exists; reading one row more tells whether the far side does.
  const hasPrevious = request.from === "before" ? more : request.from === "after";
  const hasNext = request.from === "before" ? true : more;
  return {
    items,
    previous: hasPrevious && first ? encodeRowKey(keyOf(first)) : null,
    next: hasNext && last ? encodeRowKey(keyOf(last)) : null,
  };
}
