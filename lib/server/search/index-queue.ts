import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { warmUpEnglish, warmUpRussian } from "@/lib/morphology";
import { namesVector, noteSearchText } from "@/lib/search/documents";
import { paragraphVector } from "./paragraph-vectors";

/*
 * The search index of titles, annotations' quoted words, notes and entity names. A trigger on each
 * table (migration 20261201101500_search_index_queue) sets a row's vector to NULL and queues the
 * row in "SearchIndexQueue" in the transaction that changes its text, since only Node can
 * lemmatise; this drains the queue. Deletions need nothing: a deleted row is gone, and a
 * soft-deleted annotation or note is filtered out by the read rules.
 */

/** Rows indexed per transaction: a few milliseconds of lemmatising while their row locks are held. */
const BATCH = 500;
/** A batch's transaction may take this long on a loaded machine (Prisma's default is 5 s). */
const TRANSACTION_TIMEOUT_MS = 30_000;

interface SourceSpec {
  /** Reads the text of the locked rows (SKIP LOCKED: a row being written now is taken next time). */
  read(tx: Prisma.TransactionClient, ids: string[]): Promise<{ id: string; vector: string }[]>;
  /** Writes the vectors; the trigger lets a statement that sets the vector itself through. */
  write(tx: Prisma.TransactionClient, ids: string[], vectors: string[]): Promise<unknown>;
}

/** The queue's sources: the tables whose triggers queue rows, as SQL identifiers. */
const TABLES: Record<string, Prisma.Sql> = {
  Article: Prisma.raw('"Article"'),
  Annotation: Prisma.raw('"Annotation"'),
  Note: Prisma.raw('"Note"'),
  Entity: Prisma.raw('"Entity"'),
};

const SOURCES: Record<string, SourceSpec> = {
  Article: {
    async read(tx, ids) {
      const rows = await tx.$queryRaw<{ id: string; title: string; language: string }[]>`
        SELECT "id", "title", "language" FROM "Article" WHERE "id" = ANY(${ids}::text[]) FOR UPDATE SKIP LOCKED`;
      return rows.map((row) => ({ id: row.id, vector: paragraphVector(row.title, row.language) }));
    },
    write: (tx, ids, vectors) => tx.$executeRaw`
      UPDATE "Article" AS "t" SET "titleVector" = "v"."vector"::tsvector
      FROM unnest(${ids}::text[], ${vectors}::text[]) AS "v"("id", "vector") WHERE "t"."id" = "v"."id"`,
  },
  Annotation: {
    async read(tx, ids) {
      const rows = await tx.$queryRaw<{ id: string; exact: string; language: string }[]>`
        SELECT "t"."id", "t"."exact", "a"."language" FROM "Annotation" AS "t" JOIN "Article" AS "a" ON "a"."id" = "t"."articleId"
        WHERE "t"."id" = ANY(${ids}::text[]) FOR UPDATE OF "t" SKIP LOCKED`;
      return rows.map((row) => ({ id: row.id, vector: paragraphVector(row.exact, row.language) }));
    },
    write: (tx, ids, vectors) => tx.$executeRaw`
      UPDATE "Annotation" AS "t" SET "searchVector" = "v"."vector"::tsvector
      FROM unnest(${ids}::text[], ${vectors}::text[]) AS "v"("id", "vector") WHERE "t"."id" = "v"."id"`,
  },
  Note: {
    async read(tx, ids) {
      const rows = await tx.$queryRaw<{ id: string; body: string }[]>`
        SELECT "id", "body" FROM "Note" WHERE "id" = ANY(${ids}::text[]) FOR UPDATE SKIP LOCKED`;
      // A note's language is not the article's (a Russian story gets English notes): the script decides.
      return rows.map((row) => ({ id: row.id, vector: paragraphVector(noteSearchText(row.body), "") }));
    },
    write: (tx, ids, vectors) => tx.$executeRaw`
      UPDATE "Note" AS "t" SET "searchVector" = "v"."vector"::tsvector
      FROM unnest(${ids}::text[], ${vectors}::text[]) AS "v"("id", "vector") WHERE "t"."id" = "v"."id"`,
  },
  Entity: {
    async read(tx, ids) {
      const rows = await tx.$queryRaw<{ id: string; name: string; aliases: string[] }[]>`
        SELECT "id", "name", "aliases" FROM "Entity" WHERE "id" = ANY(${ids}::text[]) FOR UPDATE SKIP LOCKED`;
      return rows.map((row) => ({ id: row.id, vector: namesVector([row.name, ...row.aliases]) }));
    },
    write: (tx, ids, vectors) => tx.$executeRaw`
      UPDATE "Entity" AS "t" SET "searchVector" = "v"."vector"::tsvector
      FROM unnest(${ids}::text[], ${vectors}::text[]) AS "v"("id", "vector") WHERE "t"."id" = "v"."id"`,
  },
};

/**
 * Indexes every queued row now (in batches, each in one transaction: lock the rows, lemmatise,
 * write their vectors, dequeue them) and returns how many. A row locked by a writer is left
 * queued for the next round; a row deleted since it was queued is just dequeued. Locking the row
 * before its queue entry is the writers' order too (their trigger runs under the row's lock), so
 * the two never deadlock, and a write that lands after the lock queues the row again.
 */
export async function drainSearchIndexQueue(): Promise<number> {
  let indexed = 0;
  for (;;) {
    // In no particular order: after a bulk import the queue is long, and sorting it per batch would cost more than it helps.
    const queued = await db().$queryRaw<{ source: string; rowId: string }[]>`SELECT "source", "rowId" FROM "SearchIndexQueue" LIMIT ${BATCH}`;
    if (!queued.length) return indexed;
    // The dictionaries take seconds to load on first use: never while holding the rows' locks.
    warmUpRussian();
    warmUpEnglish();
    let progressed = false;
    await db().$transaction(async (tx) => {
      for (const [source, spec] of Object.entries(SOURCES)) {
        const ids = queued.filter((row) => row.source === source).map((row) => row.rowId);
        if (!ids.length) continue;
        const rows = await spec.read(tx, ids);
        if (rows.length) await spec.write(tx, rows.map((row) => row.id), rows.map((row) => row.vector));
        indexed += rows.length;
        // Dequeued: what was indexed, and what no longer exists (not locked, just gone).
        const done = await tx.$executeRaw`
          DELETE FROM "SearchIndexQueue" AS "q" WHERE "q"."source" = ${source} AND "q"."rowId" = ANY(${ids}::text[])
            AND ("q"."rowId" = ANY(${rows.map((row) => row.id)}::text[])
              OR NOT EXISTS (SELECT 1 FROM ${TABLES[source]!} AS "t" WHERE "t"."id" = "q"."rowId"))`;
        if (done) progressed = true;
      }
      const unknown = queued.filter((row) => !(row.source in SOURCES));
      if (unknown.length) {
        // Never left to block the queue; but say so, since it means a trigger names a table this does not know.
        console.error(`Search index: dropping ${unknown.length} queued rows of unknown sources: ${[...new Set(unknown.map((row) => row.source))].join(", ")}`);
        await tx.$executeRaw`DELETE FROM "SearchIndexQueue" WHERE NOT ("source" = ANY(${Object.keys(SOURCES)}::text[]))`;
        progressed = true;
      }
    }, { timeout: TRANSACTION_TIMEOUT_MS });
    // Everything in this batch is locked by writers: try again on the next tick rather than spin.
    if (!progressed) return indexed;
  }
}
