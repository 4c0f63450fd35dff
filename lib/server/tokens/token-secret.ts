import "server-only";
import { createHash, randomBytes } from "node:crypto";

/**
 * The shape of a Glossa API token: a recognisable prefix (so secret scanners and people can tell
 * what leaked) and 32 random bytes in base64url. Only its SHA-256 is stored: a database dump
 * gives no usable token, and a 256-bit secret needs no slow hash.
 */
export const TOKEN_PREFIX = "glossa_";
const SECRET_BYTES = 32;
const TOKEN_PATTERN = /^glossa_[A-Za-z0-9_-]{43}$/;
/** How many characters of a token the list shows to tell tokens apart (prefix + 6 of the secret). */
const SHOWN_CHARACTERS = TOKEN_PREFIX.length + 6;

/** A new token: the secret (shown once), its hash (stored) and the characters the list shows. */
export function newTokenSecret(): { token: string; hash: string; shown: string } {
  const token = TOKEN_PREFIX + randomBytes(SECRET_BYTES).toString("base64url");
  return { token, hash: hashToken(token), shown: token.slice(0, SHOWN_CHARACTERS) };
}

/** The stored form of a token: SHA-256, hex. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Whether a string has a token's shape (checked before any database look-up). */
export function isWellFormedToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}
