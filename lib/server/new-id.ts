import "server-only";
import { randomBytes } from "node:crypto";

/** An id in the shape of Prisma's cuid()s (a letter, then time and randomness), for rows written by raw SQL, which bypasses Prisma's defaults. */
export function newId(): string {
  return `c${Date.now().toString(36)}${randomBytes(9).toString("base64url").replace(/[-_]/g, "x").toLowerCase()}`;
}
