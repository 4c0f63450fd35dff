import "server-only";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { exportIris, type ArticleExport } from "@/lib/exporting";
import type { Actor } from "@/lib/permissions";
import { EXPORT_FORMAT_SPECS, type ExportFile } from "@/lib/server/exports/export-formats";
import { exportQuerySchema } from "@/lib/validations/export";
import { listCuratedAnnotations } from "./list-curated-annotations";

/**
 * The article's curated layer, the team's gold data, as a file in any export format: the same
 * writers as the article's own export, given the curated annotations and no notes. Named
 * `<slug>.curated.<extension>`; readable by whoever may read the article.
 */
export async function exportCurated({ actor, articleId, query }: { actor: Actor | null; articleId: string; query: unknown }): Promise<ExportFile> {
  const { format, bom } = exportQuerySchema.parse(query);
  const curated = await listCuratedAnnotations({ actor, articleId });
  const article = await db().article.findUniqueOrThrow({ where: { id: articleId }, select: { slug: true, title: true, language: true, revision: true } });
  const paragraphs = await db().paragraph.findMany({ where: { articleId, revision: article.revision }, orderBy: { position: "asc" }, select: { id: true, position: true, text: true } });
  const doc: ArticleExport = {
    article: { slug: article.slug, title: `${article.title} (curated)`, language: article.language, paragraphs },
    annotations: curated.map((entry) => entry.annotation),
    notes: [],
  };
  const spec = EXPORT_FORMAT_SPECS[format];
  const collection = { id: `${exportIris(config().baseURL).container(article.slug)}curated/`, label: doc.article.title };
  return { filename: `${article.slug}.curated.${spec.extension}`, contentType: spec.contentType, chunks: spec.write([doc], { bom, collection }) };
}
