import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { indexTerms, toTsvectorInput } from "@/lib/morphology";

/**
 * The `searchVector` input (for `::tsvector`) of a paragraph: its lemmas and their positions in
 * its article's language. PostgreSQL cannot lemmatise, so every writer computes this in Node.
 */
export function paragraphVector(text: string, language: string): string {
  return toTsvectorInput(indexTerms(text, language));
}

/**
 * Fills the search vectors of one revision of an article, in the caller's transaction, so the
 * index changes with the text it indexes (a revision's paragraphs are written once and never
 * edited, so this runs right after they are created), and the article's own vector from them:
 * the revision indexed is the one becoming current (an import's first, a revision's next, whose
 * number the caller sets in the same transaction).
 */
export async function indexRevision(tx: Prisma.TransactionClient, articleId: string, revision: number, language: string): Promise<void> {
  const rows = await tx.paragraph.findMany({ where: { articleId, revision }, select: { id: true, text: true } });
  await writeVectors(tx, rows.map((row) => ({ id: row.id, vector: paragraphVector(row.text, language) })));
  await tx.$executeRaw`UPDATE "Article" AS "a" SET "textVector" = ${articleTextVector(Prisma.sql`${revision}::int`)} WHERE "a"."id" = ${articleId}`;
}

/**
 * The `textVector` of article "a" (search's candidate filter, migration
 * 20261201233000_article_text_vector): its paragraph vectors of `revision`, joined in order.
 */
function articleTextVector(revision: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`"glossa_article_text_vector"(ARRAY(
    SELECT "p"."searchVector" FROM "Paragraph" AS "p" WHERE "p"."articleId" = "a"."id" AND "p"."revision" = ${revision} ORDER BY "p"."position"))`;
}

async function writeVectors(client: Prisma.TransactionClient, rows: { id: string; vector: string }[]): Promise<void> {
  if (!rows.length) return;
  await client.$executeRaw`
    UPDATE "Paragraph" AS "p" SET "searchVector" = "v"."vector"::tsvector
    FROM unnest(${rows.map((row) => row.id)}::text[], ${rows.map((row) => row.vector)}::text[]) AS "v"("id", "vector")
    WHERE "p"."id" = "v"."id"`;
}

const BACKFILL_BATCH = 1_000;

/**
 * Indexes paragraphs stored before search existed (or by a writer that left the vector NULL):
 * a SQL migration cannot lemmatise, so the start-up seed calls this, and their articles' vectors
 * with them (one transaction a batch). Batches of 1,000; a
 * paragraph without words gets an empty vector, not NULL, so the loop ends. Returns how many.
 */
export async function backfillParagraphVectors(): Promise<number> {
  let done = 0;
  for (;;) {
    const rows = await db().$queryRaw<{ id: string; articleId: string; text: string; language: string }[]>`
      SELECT "p"."id", "p"."articleId", "p"."text", "a"."language" FROM "Paragraph" AS "p" JOIN "Article" AS "a" ON "a"."id" = "p"."articleId"
      WHERE "p"."searchVector" IS NULL LIMIT ${BACKFILL_BATCH}`;
    if (!rows.length) return done;
    await db().$transaction(async (tx) => {
      await writeVectors(tx, rows.map((row) => ({ id: row.id, vector: paragraphVector(row.text, row.language) })));
      // Their articles' vectors, from the current revision (an old revision's paragraphs change nothing there).
      await tx.$executeRaw`UPDATE "Article" AS "a" SET "textVector" = ${articleTextVector(Prisma.sql`"a"."revision"`)}
        WHERE "a"."id" = ANY(${[...new Set(rows.map((row) => row.articleId))]}::text[])`;
    });
    done += rows.length;
  }
}
