/**
 * The rules of `./index` as row filters, for queries that read many rows at once (lists, counts,
 * search). Plain objects in Prisma's `where` shape, without importing Prisma, so this stays pure.
 */
import type { Actor } from "./index";

/** Annotations or notes this reader may see: shared, or their own private work; never deleted ones. */
export function readableWorkWhere(actor: Actor | null) {
  return {
    deletedAt: null,
    ...(actor ? { OR: [{ visibility: "SHARED" as const }, { authorId: actor.id }] } : { visibility: "SHARED" as const }),
  };
}

/** Articles this reader may open: archived ones only for admins. */
export function readableArticleWhere(actor: Actor | null) {
  return actor?.role === "ADMIN" ? {} : { archivedAt: null };
}

