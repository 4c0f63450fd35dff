import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { ParsedArticle } from "@/lib/importing";

/** An id in the shape of Prisma's cuid()s (a letter, then time and randomness), made here because raw SQL bypasses Prisma's defaults. */
function newId(): string {
  return `c${Date.now().toString(36)}${randomBytes(9).toString("base64url").replace(/[-_]/g, "x").toLowerCase()}`;
}

/**
 * The bulk importer's fast path: one SQL statement, hence one transaction, that stores a new
 * article with all its paragraphs, or nothing. It refuses (returns false) when an article
 * with the same content or source URL exists by then, so that a concurrent import is never
 * duplicated; the caller then takes the full path (importArticle), which decides between
 * unchanged and a new revision. A slug taken meanwhile raises a unique violation (P2002 or
 * 23505), likewise handled by the caller.
 */
export async function insertNewArticle({ parsed, hash, slug }: { parsed: ParsedArticle; hash: string; slug: string }): Promise<{ id: string } | null> {
  const id = newId();
  const { source = null, sourceUrl = null, author = null, publishedAt = null } = parsed.metadata;
  const paragraphIds = parsed.paragraphs.map(() => newId());
  const positions = parsed.paragraphs.map((_, index) => index + 1);
  const kinds = parsed.paragraphs.map((paragraph) => paragraph.kind);
  const texts = parsed.paragraphs.map((paragraph) => paragraph.text);
  const inserted = await db().$executeRaw`
    WITH "article" AS (
      INSERT INTO "Article" ("id", "slug", "title", "language", "source", "sourceUrl", "author", "publishedAt", "contentHash", "revision", "updatedAt")
      SELECT ${id}, ${slug}, ${parsed.title}, ${parsed.language}, ${source}, ${sourceUrl}, ${author},
             CAST(${publishedAt} AS timestamptz) AT TIME ZONE 'UTC', ${hash}, 1, NOW() AT TIME ZONE 'UTC'
      WHERE NOT EXISTS (
        SELECT 1 FROM "Article" WHERE "contentHash" = ${hash} OR (CAST(${sourceUrl} AS text) IS NOT NULL AND "sourceUrl" = ${sourceUrl})
      )
      RETURNING "id"
    )
    INSERT INTO "Paragraph" ("id", "articleId", "revision", "position", "kind", "text")
    SELECT "p"."id", "article"."id", 1, "p"."position", CAST("p"."kind" AS "ParagraphKind"), "p"."text"
    FROM "article"
    CROSS JOIN unnest(CAST(${paragraphIds} AS text[]), CAST(${positions} AS int[]), CAST(${kinds} AS text[]), CAST(${texts} AS text[])) AS "p"("id", "position", "kind", "text")`;
  return inserted > 0 ? { id } : null;
}

/**
 * Free slugs for a batch of new articles: `base`, else `base-2` … `base-10`, none taken in the
 * database or by an earlier article of the batch; null where all ten are taken (the full
 * path then finds one). One query for the whole batch.
 */
export async function reserveSlugs(bases: string[]): Promise<(string | null)[]> {
  const candidates = (base: string) => [base, ...Array.from({ length: 9 }, (_, i) => `${base}-${i + 2}`)];
  const all = [...new Set(bases.flatMap(candidates))];
  const taken = new Set((await db().article.findMany({ where: { slug: { in: all } }, select: { slug: true } })).map((row) => row.slug));
  return bases.map((base) => {
    const free = candidates(base).find((candidate) => !taken.has(candidate)) ?? null;
    if (free) taken.add(free);
    return free;
  });
}
