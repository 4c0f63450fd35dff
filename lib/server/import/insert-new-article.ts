import "server-only";
import { db } from "@/lib/db";
import { importPool } from "@/lib/server/direct-pool";
import type { JobLine } from "@/lib/server/import/import-job-items";
import { newId } from "@/lib/server/new-id";
import { paragraphVector } from "@/lib/server/search/paragraph-vectors";
import type { ParsedArticle } from "@/lib/importing";
import { DEFAULT_PROJECT_ID } from "@/lib/projects/default-project";

/**
 * The bulk importer's fast path: one SQL statement, hence one transaction, that stores a new
 * article with all its paragraphs, or nothing. The caller has checked, for its whole chunk,
 * that no stored article has this content or source URL, and holds the URL's lock
 * (withSourceUrlsLocked). The statement re-checks the source URL (indexed) and refuses (returns
 * null) if an article from that address appeared since, so a concurrent import never forks an
 * article's revisions; the caller then takes the full
 * path (importArticle), which makes a new revision. Content is not re-checked here: without
 * an index on Article.contentHash that is a scan of every article, per article. The price is
 * that two imports of identical text without a source URL at the same instant may both land. A slug taken meanwhile raises a unique violation (23505),
 * likewise handled by the caller. A bulk job's `item` is recorded as created by the same statement,
 * which also queues the article for the background quote finder (lib/server/quotes/quote-finder-queue.ts).
 */
export async function insertNewArticle({ parsed, hash, slug, item, projectId = DEFAULT_PROJECT_ID }: { parsed: ParsedArticle; hash: string; slug: string; item?: JobLine; projectId?: string }): Promise<{ id: string } | null> {
  const id = newId();
  const { source = null, sourceUrl = null, author = null, publishedAt = null } = parsed.metadata;
  const result = await importPool().query(INSERT_ARTICLE, [
    id,
    slug,
    parsed.title,
    parsed.language,
    source,
    sourceUrl,
    author,
    publishedAt,
    hash,
    parsed.paragraphs.map(() => newId()),
    parsed.paragraphs.map((_, index) => index + 1),
    parsed.paragraphs.map((paragraph) => paragraph.kind),
    parsed.paragraphs.map((paragraph) => paragraph.text),
    item?.jobId ?? null,
    item?.line ?? null,
    // Lemmatised here, per paragraph: the database cannot, and one statement keeps it one transaction.
    parsed.paragraphs.map((paragraph) => paragraphVector(paragraph.text, parsed.language)),
    projectId,
  ]);
  return (result.rowCount ?? 0) > 0 ? { id } : null;
}

const INSERT_ARTICLE = `
  WITH "article" AS (
    INSERT INTO "Article" ("id", "slug", "title", "language", "source", "sourceUrl", "author", "publishedAt", "contentHash", "revision", "updatedAt")
    SELECT $1, $2, $3, $4, $5, $6::text, $7, CAST($8::text AS timestamptz) AT TIME ZONE 'UTC', $9::text, 1, NOW() AT TIME ZONE 'UTC'
    WHERE $6::text IS NULL OR NOT EXISTS (SELECT 1 FROM "Article" WHERE "sourceUrl" = $6::text)
    RETURNING "id"
  ), "item" AS (
    INSERT INTO "ImportJobItem" ("jobId", "line", "outcome")
    SELECT $14::text, $15::int, 'created' FROM "article" WHERE $14::text IS NOT NULL
  ), "project" AS (
    INSERT INTO "ArticleProject" ("articleId", "projectId") SELECT "id", $17::text FROM "article"
  ), "quotes" AS (
    INSERT INTO "QuoteFinderQueue" ("articleId") SELECT "id" FROM "article"
  )
  INSERT INTO "Paragraph" ("id", "articleId", "revision", "position", "kind", "text", "searchVector")
  SELECT "p"."id", "article"."id", 1, "p"."position", CAST("p"."kind" AS "ParagraphKind"), "p"."text", CAST("p"."vector" AS tsvector)
  FROM "article" CROSS JOIN unnest($10::text[], $11::int[], $12::text[], $13::text[], $16::text[]) AS "p"("id", "position", "kind", "text", "vector")`;

/**
 * Free slugs for a batch of new articles: `base`, else `base-2` … `base-10`, else `base-` and
 * the start of the content hash (stable, and no scan of every slug), none taken in the
 * database or by an earlier article of the batch. One query for the whole batch.
 */
export async function reserveSlugs(items: { base: string; hash: string }[]): Promise<string[]> {
  const candidates = ({ base, hash }: { base: string; hash: string }) => [
    base,
    ...Array.from({ length: 9 }, (_, i) => `${base}-${i + 2}`),
    `${base}-${hash.slice(0, 8)}`,
    `${base}-${hash.slice(0, 16)}`,
  ];
  const all = [...new Set(items.flatMap(candidates))];
  const taken = new Set((await db().article.findMany({ where: { slug: { in: all } }, select: { slug: true } })).map((row) => row.slug));
  return items.map((item) => {
    // Everything taken (it would take 12 articles with one title and one text): the longest
    // hash suffix, which the insert may refuse as a duplicate; the full path then decides.
    const slug = candidates(item).find((candidate) => !taken.has(candidate)) ?? `${item.base}-${item.hash.slice(0, 24)}`;
    taken.add(slug);
    return slug;
  });
}
