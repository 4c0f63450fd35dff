/*
 * What PostgreSQL can store, checked while parsing: a value it would refuse must be a 400 that
 * names the field, not a database error (500) halfway through a write. Client-safe.
 */
import { z } from "zod";

/** PostgreSQL's largest `integer`: positions, versions and revisions are stored as such. */
export const MAX_INT4 = 2_147_483_647;

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Whether PostgreSQL's `text` keeps `value` as it is: it refuses NUL outright, and a UTF-16
 * half of a character (an unpaired surrogate, e.g. an emoji cut in two) cannot be encoded in
 * UTF-8, so the driver would silently store U+FFFD instead.
 */
export function isStorableText(value: string): boolean {
  return !value.includes("\u0000") && !UNPAIRED_SURROGATE.test(value);
}

export const UNSTORABLE_TEXT_MESSAGE = "must not contain a NUL character or half of an emoji (an unpaired surrogate)";

/** `z.string(params)` that refuses text PostgreSQL cannot store; chain `.trim()`, `.max()`, … as usual. */
export function storableString(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).refine(isStorableText, UNSTORABLE_TEXT_MESSAGE);
}

