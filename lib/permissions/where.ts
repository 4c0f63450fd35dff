/**
 * The rules of `./index` as row filters, for queries that read many rows at once (lists, counts,
 * search). Plain objects in Prisma's `where` shape, without importing Prisma, so this stays pure;
 * `index.test.ts` evaluates each against the same table as `canRead` and expects the same answers.
 */
import type { Actor } from "./index";

/** Who is reading: the fields the filters need (a loader that knows only the id can pass `{ id }`). */
type Reader = Pick<Actor, "id" | "role"> | null;

/** Annotations or notes this reader may see: shared, or their own private work; never deleted ones. */
export function readableWorkWhere(actor: Pick<Actor, "id"> | null) {
  return {
    deletedAt: null,
    ...(actor ? { OR: [{ visibility: "SHARED" as const }, { authorId: actor.id }] } : { visibility: "SHARED" as const }),
  };
}

/** Articles this reader may open: archived ones only for admins. */
export function readableArticleWhere(actor: Pick<Actor, "role"> | null) {
  return actor?.role === "ADMIN" ? {} : { archivedAt: null };
}

/** Annotations this reader may see across articles (an entity's mentions, counts): readable work on an article they may open. */
export function readableAnnotationWhere(actor: Reader) {
  return { ...readableWorkWhere(actor), article: readableArticleWhere(actor) };
}

/**
 * Notes this reader may see on an article they may open: readable work that is not on a highlight
 * they may not see (a note never reveals a private or deleted highlight).
 */
export function readableNoteWhere(actor: Pick<Actor, "id"> | null) {
  return {
    AND: [readableWorkWhere(actor), { OR: [{ annotationId: null }, { annotation: { is: readableWorkWhere(actor) } }] }],
  };
}

/**
 * The mentions of entities that count for this reader: readable annotations still placed on the
 * text (an orphan waits under Needs review and is listed nowhere else).
 */
export function readableMentionWhere(actor: Reader) {
  return { ...readableAnnotationWhere(actor), anchorStatus: { not: "ORPHANED" as const } };
}

/**
 * Entities this reader may know of: one of whose mentions they can read, the speaker of a quote
 * they can read (its label names the speaker, as the entity page does), or one they created.
 */
export function readableEntityWhere(actor: Reader) {
  const known = [{ annotations: { some: readableMentionWhere(actor) } }, { quotes: { some: readableMentionWhere(actor) } }];
  return { OR: actor ? [...known, { createdById: actor.id }] : known };
}
