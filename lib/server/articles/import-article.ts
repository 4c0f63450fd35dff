import "server-only";
import { contentHash, slugify, type ParsedArticle } from "@/lib/importing";
import { db } from "@/lib/db";

export type ImportArticleResult =
  | { status: "created"; articleId: string; slug: string }
  | { status: "unchanged"; articleId: string; slug: string };

/**
 * Stores a parsed article with its paragraphs in one transaction. Importing
 * content identical to a stored article (same hash) is a no-op.
 */
export async function importArticle({ parsed }: { parsed: ParsedArticle }): Promise<ImportArticleResult> {
  const hash = contentHash(parsed);
  return db().$transaction(async (tx) => {
    const existing = await tx.article.findFirst({ where: { contentHash: hash }, select: { id: true, slug: true } });
    if (existing) return { status: "unchanged", articleId: existing.id, slug: existing.slug };

    const slug = await uniqueSlug(slugify(parsed.title), (candidate) =>
      tx.article.findUnique({ where: { slug: candidate }, select: { id: true } }).then(Boolean),
    );
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
        paragraphs: {
          createMany: {
            data: parsed.paragraphs.map((paragraph, index) => ({
              revision: 1,
              position: index + 1,
              kind: paragraph.kind,
              text: paragraph.text,
            })),
          },
        },
      },
      select: { id: true, slug: true },
    });
    return { status: "created", articleId: article.id, slug: article.slug };
  });
}

async function uniqueSlug(base: string, isTaken: (slug: string) => Promise<boolean>): Promise<string> {
  for (let suffix = 1; ; suffix++) {
    const candidate = suffix === 1 ? base : `${base}-${suffix}`;
    if (!(await isTaken(candidate))) return candidate;
  }
}
