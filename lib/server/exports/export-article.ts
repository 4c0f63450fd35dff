import "server-only";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { exportIris, type ArticleExport } from "@/lib/exporting";
import type { Actor } from "@/lib/permissions";
import { listArticleAnnotations } from "@/lib/server/annotations/list-article-annotations";
import { findReadableArticle } from "@/lib/server/articles/find-readable-article";
import { exportQuerySchema } from "@/lib/validations/export";
import { EXPORT_FORMAT_SPECS, type ExportFile } from "./export-formats";

/**
 * One article's current text with the annotations and notes this requester may read, in the
 * chosen format. The article's readability (401 when sign-in is required, 404 for an unknown or
 * archived one) and each annotation's and note's (private work only for its author) are the
 * loaders' rules, so an export never shows more than the reader does. Everything is read before
 * the first chunk, so a refusal is an error answer, never a truncated file.
 */
export async function exportArticle({ actor, articleId, query }: { actor: Actor | null; articleId: string; query: unknown }): Promise<ExportFile> {
  const { format, bom } = exportQuerySchema.parse(query);
  const { revision } = await findReadableArticle(actor, articleId, "export this article");
  const [article, paragraphs, { annotations, notes }] = await Promise.all([
    db().article.findUniqueOrThrow({ where: { id: articleId }, select: { slug: true, title: true, language: true } }),
    db().paragraph.findMany({ where: { articleId, revision }, orderBy: { position: "asc" }, select: { id: true, position: true, text: true } }),
    listArticleAnnotations({ actorId: actor?.id ?? null, articleId, revision }),
  ]);
  const doc: ArticleExport = { article: { ...article, paragraphs }, annotations, notes };
  const spec = EXPORT_FORMAT_SPECS[format];
  // The article's annotation container is the collection these annotations belong to.
  const collection = { id: exportIris(config().baseURL).container(article.slug), label: article.title };
  return { filename: `${article.slug}.${spec.extension}`, contentType: spec.contentType, chunks: spec.write([doc], { bom, collection }) };
}
