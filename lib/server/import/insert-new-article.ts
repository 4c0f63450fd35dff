import "server-only";
import { importPool } from "@/lib/server/direct-pool";
import type { JobLine } from "@/lib/server/import/import-job-items";
import { newId } from "@/lib/server/new-id";
import { paragraphVector } from "@/lib/server/search/paragraph-vectors";
import type { ParsedArticle } from "@/lib/importing";
import { DEFAULT_PROJECT_ID } from "@/lib/projects/default-project";

/** A new article for {@link insertNewArticles}: parsed, hashed, with its reserved slug. */
export interface NewArticle {
  parsed: ParsedArticle;
  hash: string;
  slug: string;
  /** A bulk job's line, recorded as created by the same statement. */
  item?: JobLine;
  /** The project it goes into; the default project when absent. */
  projectId?: string;
}

/**
 * The bulk importer's fast path: one SQL statement, hence one transaction, that stores a batch
 * of new articles with all their paragraphs, or nothing. One statement for many articles is
 * what makes 100,000 articles fit in minutes: per article, a statement of its own cost a
 * parse, a plan and a commit (the commit is a WAL flush on a durable database).
 *
 * The caller has checked, for its whole chunk, that no stored article has these contents or
 * source URLs, that no two articles of the batch share one, and holds the URLs' locks
 * (withSourceUrlsLocked). The statement re-checks each source URL (indexed) and leaves out an
 * article whose address appeared since, so a concurrent import never forks an article's
 * revisions; those come back in `skipped`, for the caller to take the full path (importArticle),
 * which makes a new revision. Content is not re-checked here (the chunk's check is one indexed
 * query; per row it would be as many): two imports of identical text without a source URL at
 * the same instant may both land. A slug taken meanwhile raises a unique violation (23505) and
 * nothing of the batch is written; the caller handles it likewise. Each article's job line is
 * recorded as created, it joins its project and is queued for the background quote finder
 * (lib/server/quotes/quote-finder-queue.ts), and the titles for the search indexer (by the
 * Article trigger), all in the same statement.
 */
export async function insertNewArticles(articles: NewArticle[]): Promise<{ inserted: { id: string; index: number }[]; skipped: number[] }> {
  if (articles.length === 0) return { inserted: [], skipped: [] };
  const ids = articles.map(() => newId());
  const paragraphs = articles.flatMap((article, index) => article.parsed.paragraphs.map((paragraph, position) => ({ articleId: ids[index]!, position: position + 1, paragraph, language: article.parsed.language })));
  const metadata = (key: "source" | "sourceUrl" | "author" | "publishedAt") => articles.map((article) => article.parsed.metadata[key] ?? null);
  const { rows } = await importPool().query<{ id: string }>(INSERT_ARTICLES, [
    ids,
    articles.map((article) => article.slug),
    articles.map((article) => article.parsed.title),
    articles.map((article) => article.parsed.language),
    metadata("source"),
    metadata("sourceUrl"),
    metadata("author"),
    metadata("publishedAt"),
    articles.map((article) => article.hash),
    articles.map((article) => article.item?.jobId ?? null),
    articles.map((article) => article.item?.line ?? null),
    articles.map((article) => article.projectId ?? DEFAULT_PROJECT_ID),
    paragraphs.map(() => newId()),
    paragraphs.map((row) => row.articleId),
    paragraphs.map((row) => row.position),
    paragraphs.map((row) => row.paragraph.kind),
    paragraphs.map((row) => row.paragraph.text),
    // Lemmatised here, per paragraph: the database cannot, and one statement keeps it one transaction.
    paragraphs.map((row) => paragraphVector(row.paragraph.text, row.language)),
  ]);
  const stored = new Set(rows.map((row) => row.id));
  const inserted: { id: string; index: number }[] = [];
  const skipped: number[] = [];
  ids.forEach((id, index) => (stored.has(id) ? inserted.push({ id, index }) : skipped.push(index)));
  return { inserted, skipped };
}

/** {@link insertNewArticles} for one article: its id, or null when its source URL is taken. */
export async function insertNewArticle(article: NewArticle): Promise<{ id: string } | null> {
  const { inserted } = await insertNewArticles([article]);
  return inserted[0] ? { id: inserted[0].id } : null;
}

const INSERT_ARTICLES = `
  WITH "input" AS (
    SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::int[], $12::text[])
      AS "i"("id", "slug", "title", "language", "source", "sourceUrl", "author", "publishedAt", "contentHash", "jobId", "line", "projectId")
  ), "paragraphs" AS (
    SELECT "p"."id", "p"."articleId", "p"."position", "p"."kind", "p"."text", CAST("p"."vector" AS tsvector) AS "vector"
    FROM unnest($13::text[], $14::text[], $15::int[], $16::text[], $17::text[], $18::text[]) AS "p"("id", "articleId", "position", "kind", "text", "vector")
  ), "articleVector" AS (
    -- Search's article vector (migration 20261201233000_article_text_vector), written with the paragraphs'.
    SELECT "articleId", "glossa_article_text_vector"(array_agg("vector" ORDER BY "position")) AS "vector" FROM "paragraphs" GROUP BY "articleId"
  ), "article" AS (
    INSERT INTO "Article" ("id", "slug", "title", "language", "source", "sourceUrl", "author", "publishedAt", "contentHash", "revision", "updatedAt", "textVector")
    SELECT "id", "slug", "title", "language", "source", "sourceUrl", "author", CAST("publishedAt" AS timestamptz) AT TIME ZONE 'UTC', "contentHash", 1, NOW() AT TIME ZONE 'UTC', "articleVector"."vector"
    FROM "input" LEFT JOIN "articleVector" ON "articleVector"."articleId" = "input"."id"
    WHERE "input"."sourceUrl" IS NULL OR NOT EXISTS (SELECT 1 FROM "Article" AS "stored" WHERE "stored"."sourceUrl" = "input"."sourceUrl")
    RETURNING "id"
  ), "new" AS (
    SELECT "input".* FROM "input" JOIN "article" USING ("id")
  ), "item" AS (
    INSERT INTO "ImportJobItem" ("jobId", "line", "outcome")
    SELECT "jobId", "line", 'created' FROM "new" WHERE "jobId" IS NOT NULL
  ), "project" AS (
    INSERT INTO "ArticleProject" ("articleId", "projectId") SELECT "id", "projectId" FROM "new"
  ), "quotes" AS (
    INSERT INTO "QuoteFinderQueue" ("articleId") SELECT "id" FROM "new"
  ), "paragraph" AS (
    INSERT INTO "Paragraph" ("id", "articleId", "revision", "position", "kind", "text", "searchVector")
    SELECT "p"."id", "p"."articleId", 1, "p"."position", CAST("p"."kind" AS "ParagraphKind"), "p"."text", "p"."vector"
    FROM "paragraphs" AS "p"
    JOIN "article" ON "article"."id" = "p"."articleId"
  )
  SELECT "id" FROM "article"`;

/**
 * Free slugs for a batch of new articles: `base`, else `base-2` … `base-10`, else `base-` and
 * the start of the content hash (stable, and no scan of every slug), none taken in the
 * database or by an earlier article of the batch. Two indexed lookups at most: the bases first
 * (nearly always free: one probe per article), then every other candidate of the few whose base
 * is taken or repeated. Asking for all twelve candidates of every article at once cost
 * PostgreSQL ~0.2 ms per imported article, a seventh of the import's database time.
 */
export async function reserveSlugs(items: { base: string; hash: string }[]): Promise<string[]> {
  const candidates = ({ base, hash }: { base: string; hash: string }) => [
    base,
    ...Array.from({ length: 9 }, (_, i) => `${base}-${i + 2}`),
    `${base}-${hash.slice(0, 8)}`,
    `${base}-${hash.slice(0, 16)}`,
  ];
  const bases = [...new Set(items.map((item) => item.base))];
  const taken = await takenSlugs(bases);
  const repeated = new Set<string>();
  const seen = new Set<string>();
  for (const { base } of items) (seen.has(base) ? repeated : seen).add(base);
  const crowded = items.filter((item) => taken.has(item.base) || repeated.has(item.base));
  for (const slug of await takenSlugs([...new Set(crowded.flatMap((item) => candidates(item).slice(1)))])) taken.add(slug);
  return items.map((item) => {
    // Everything taken (it would take 12 articles with one title and one text): the longest
    // hash suffix, which the insert may refuse as a duplicate; the full path then decides.
    const slug = candidates(item).find((candidate) => !taken.has(candidate)) ?? `${item.base}-${item.hash.slice(0, 24)}`;
    taken.add(slug);
    return slug;
  });
}

/** Which of `slugs` stored articles have (on the import pool: Prisma's layer made this costly). */
async function takenSlugs(slugs: string[]): Promise<Set<string>> {
  if (slugs.length === 0) return new Set();
  const { rows } = await importPool().query<{ slug: string }>(`SELECT "slug" FROM "Article" WHERE "slug" = ANY($1::text[])`, [slugs]);
  return new Set(rows.map((row) => row.slug));
}
