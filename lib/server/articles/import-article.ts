import "server-only";
import { contentHash, slugify, type ParsedArticle } from "@/lib/importing";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { reviseArticle, type RevisionReport } from "@/lib/server/articles/revise-article";
import { AppError, notFound } from "@/lib/server/errors";
import { recordItem, type JobLine } from "@/lib/server/import/import-job-items";
import { assertSourceUrlFree, lockSourceUrl } from "@/lib/server/import/lock-source-urls";
import { enqueueQuoteFinder } from "@/lib/server/quotes/quote-finder-queue";
import { recordQuoteSuggestions } from "@/lib/server/quotes/record-quote-suggestions";
import { indexRevision } from "@/lib/server/search/paragraph-vectors";
import { DEFAULT_PROJECT_ID } from "@/lib/projects/default-project";
import type { ImportTarget } from "@/lib/validations/import";

export interface ImportedArticleRef {
  articleId: string;
  slug: string;
  title: string;
}

export type ImportArticleResult =
  | ({ status: "created" } & ImportedArticleRef)
  /** Same content hash as the article it would create or replace: nothing was written. */
  | ({ status: "unchanged" } & ImportedArticleRef)
  | ({ status: "revised"; report: RevisionReport } & ImportedArticleRef);

const articleRef = { id: true, slug: true, title: true, contentHash: true } satisfies Prisma.ArticleSelect;

/**
 * Stores a parsed article in one transaction (a failure leaves nothing behind):
 * - `target: { mode: "replace", articleId }` makes it the next revision of that article;
 * - `mode: "auto"` (the default) does the same for the article with the same source URL, if any;
 * - otherwise (and for `mode: "new"`) it creates a new article, refused (409) when an article
 *   from the same source URL exists: one source URL names one article, even under concurrency.
 * Content identical to the article it would replace, or (when creating) to any article, is a
 * no-op reported as "unchanged". `expectedHash` guards a commit against a source that changed
 * since its preview. Not authorised here: callers check the actor (the seed has none).
 */
export async function importArticle({
  parsed,
  target = { mode: "auto" },
  expectedHash,
  item,
  projectId = DEFAULT_PROJECT_ID,
}: {
  parsed: ParsedArticle;
  target?: ImportTarget;
  expectedHash?: string;
  /** The bulk job's line this is: its outcome is recorded in the same transaction. */
  item?: JobLine;
  /** The project the article is imported into (it joins it when it was already stored); callers check the actor may. */
  projectId?: string;
}): Promise<ImportArticleResult> {
  const hash = contentHash(parsed);
  if (expectedHash && expectedHash !== hash) {
    throw new AppError("CONFLICT", "The text changed since it was previewed: preview it again, then import.");
  }
  for (let attempt = 1; ; attempt++) {
    try {
      return await db().$transaction(
        async (tx) => {
          const result = await importInTransaction(tx, parsed, hash, target, projectId);
          if (item) await recordItem(tx, item, result.status);
          // Quote suggestions are ready when someone opens the article: a bulk job's articles are read in the background.
          if (result.status !== "unchanged") await (item ? enqueueQuoteFinder(tx, result.articleId) : recordQuoteSuggestions(tx, [result.articleId]));
          return result;
        },
        { timeout: 120_000, maxWait: 30_000 },
      );
    } catch (error) {
      // Two articles with the same title imported at the same moment can race for one slug.
      if (attempt < 3 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

async function importInTransaction(tx: Prisma.TransactionClient, parsed: ParsedArticle, hash: string, target: ImportTarget, projectId: string): Promise<ImportArticleResult> {
  // Imports of the same source, or of identical content, running at once (two admins, a bulk
  // file listing one URL twice) are serialised, so the second sees the first. Always URL, then
  // content: one order, no deadlock.
  const sourceUrl = parsed.metadata.sourceUrl;
  if (sourceUrl) await lockSourceUrl(tx, sourceUrl);
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`hash:${hash}`}, 0))`;

  const existing = await findTarget(tx, parsed, target);
  // "New" chosen when no article had this address (the preview's default) and one has been
  // imported since, or "replace" giving an article another one's address: a URL names one article.
  if (sourceUrl && (!existing || target.mode === "replace")) await assertSourceUrlFree(tx, sourceUrl, existing?.id ?? null);
  if (existing) {
    await joinProject(tx, existing.id, projectId);
    const ref = { articleId: existing.id, slug: existing.slug, title: existing.title };
    if (existing.contentHash === hash) return { status: "unchanged", ...ref };
    const report = await reviseArticle(tx, { articleId: existing.id, parsed, hash });
    return { status: "revised", ...ref, title: parsed.title, report };
  }

  const identical = await tx.article.findFirst({ where: { contentHash: hash }, orderBy: { createdAt: "asc" }, select: articleRef });
  if (identical) {
    await joinProject(tx, identical.id, projectId);
    return { status: "unchanged", articleId: identical.id, slug: identical.slug, title: identical.title };
  }

  const slug = await freeSlug(tx, slugify(parsed.title), hash);
  const article = await tx.article.create({
    data: {
      slug,
      title: parsed.title,
      language: parsed.language,
      source: parsed.metadata.source ?? null,
      sourceUrl: parsed.metadata.sourceUrl ?? null,
      author: parsed.metadata.author ?? null,
      publishedAt: parsed.metadata.publishedAt ? new Date(parsed.metadata.publishedAt) : null,
      contentHash: hash,
      projects: { create: { projectId } },
      paragraphs: {
        createMany: {
          data: parsed.paragraphs.map((paragraph, index) => ({ revision: 1, position: index + 1, kind: paragraph.kind, text: paragraph.text })),
        },
      },
    },
    select: { id: true, slug: true, title: true },
  });
  await indexRevision(tx, article.id, 1, parsed.language);
  return { status: "created", articleId: article.id, slug: article.slug, title: article.title };
}

/** Importing an article already stored into another project adds it to that project (its layers stay apart). */
async function joinProject(tx: Prisma.TransactionClient, articleId: string, projectId: string): Promise<void> {
  await tx.articleProject.createMany({ data: [{ articleId, projectId }], skipDuplicates: true });
}

async function findTarget(tx: Prisma.TransactionClient, parsed: ParsedArticle, target: ImportTarget) {
  if (target.mode === "replace") {
    const article = await tx.article.findUnique({ where: { id: target.articleId }, select: articleRef });
    if (!article) throw notFound("The article to replace");
    return article;
  }
  if (target.mode === "auto" && parsed.metadata.sourceUrl) {
    // The live article from that address if there is one, else the latest archived one.
    return tx.article.findFirst({
      where: { sourceUrl: parsed.metadata.sourceUrl },
      orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { createdAt: "desc" }],
      select: articleRef,
    });
  }
  return null;
}

/**
 * `base`, else `base-2` … `base-10`, else `base-` and the start of the content hash (no scan
 * of every slug when one title is very common), in one query.
 */
async function freeSlug(tx: Prisma.TransactionClient, base: string, hash: string): Promise<string> {
  const candidates = [base, ...Array.from({ length: 9 }, (_, i) => `${base}-${i + 2}`), `${base}-${hash.slice(0, 8)}`, `${base}-${hash.slice(0, 16)}`];
  const taken = new Set((await tx.article.findMany({ where: { slug: { in: candidates } }, select: { slug: true } })).map((row) => row.slug));
  return candidates.find((candidate) => !taken.has(candidate)) ?? `${base}-${hash.slice(0, 24)}`;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002";
}
