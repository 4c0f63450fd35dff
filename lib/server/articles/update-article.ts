import "server-only";
import { contentHash } from "@/lib/importing";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/permissions";
import { notFound } from "@/lib/server/errors";
import { assertCanImport } from "@/lib/server/import/assert-can-import";
import { claimSourceUrl } from "@/lib/server/import/lock-source-urls";
import { updateArticleSchema } from "@/lib/validations/article";

/**
 * An admin edits an article's metadata (title, source, source URL, author, publication date,
 * language); empty optional fields are cleared. The content hash covers the title, so it is
 * recomputed: "identical content" keeps meaning what is stored.
 */
export async function updateArticle({ actor, articleId, input }: { actor: Actor | null; articleId: string; input: unknown }) {
  const data = updateArticleSchema.parse(input);
  assertCanImport(actor);
  return db().$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ revision: number }[]>`SELECT "revision" FROM "Article" WHERE "id" = ${articleId} FOR UPDATE`;
    const revision = locked[0]?.revision;
    if (revision === undefined) throw notFound("The article");
    const paragraphs = await tx.paragraph.findMany({ where: { articleId, revision }, orderBy: { position: "asc" }, select: { kind: true, text: true } });
    const language = Intl.getCanonicalLocales(data.language.replace(/_/g, "-"))[0] ?? data.language;
    const sourceUrl = data.sourceUrl ? new URL(data.sourceUrl).href : null;
    if (sourceUrl) await claimSourceUrl(tx, sourceUrl, articleId);
    return tx.article.update({
      where: { id: articleId },
      data: {
        title: data.title,
        language,
        source: data.source ?? null,
        sourceUrl,
        author: data.author ?? null,
        publishedAt: data.publishedAt ? new Date(/T|\s/.test(data.publishedAt) ? data.publishedAt : `${data.publishedAt}T00:00:00Z`) : null,
        contentHash: contentHash({ title: data.title, paragraphs }),
      },
      select: { id: true, slug: true, title: true, language: true, source: true, sourceUrl: true, author: true, publishedAt: true, updatedAt: true },
    });
  });
}
