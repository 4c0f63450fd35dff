import "server-only";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { exportIris, type ArticleExport, type ExportLayer } from "@/lib/exporting";
import type { Actor } from "@/lib/permissions";
import { readableLayers } from "@/lib/projects/layers";
import { findReadableArticle } from "@/lib/server/articles/find-readable-article";
import { annotationsForViewer, layerCandidates } from "@/lib/server/cache/viewer-annotations";
import { notFound } from "@/lib/server/errors";
import { articleExportQuerySchema } from "@/lib/validations/export";
import { EXPORT_FORMAT_SPECS, type ExportFile } from "./export-formats";

/**
 * One article's current text with the annotations and notes this requester may read, in the
 * chosen format: exactly what the reader shows them. An article in projects shows one project
 * layer at a time, so the file holds one layer: `layer` (a project id, the reader's **Project
 * layer** box), else the one they read the article in (their last choice, else their own
 * team's: chooseViewLayer), never every readable layer mixed. A layer they may not read (a Closed
 * desk's, or one the article is not in) is not found, like an article they may not read.
 *
 * The article's readability (401 when sign-in is required, 404 for an unknown or archived one)
 * and each annotation's and note's (private work only for its author) are the loaders' rules.
 * Everything is read before the first chunk, so a refusal is an error answer, never a truncated file.
 */
export async function exportArticle({ actor, articleId, query }: { actor: Actor | null; articleId: string; query: unknown }): Promise<ExportFile> {
  const { format, bom, layer: requested } = articleExportQuerySchema.parse(query);
  const stamp = await findReadableArticle(actor, articleId, "export this article");
  if (requested !== undefined && !readableLayers(actor, layerCandidates(stamp)).some((candidate) => candidate.id === requested)) {
    throw notFound("That project layer of the article");
  }
  // An explicit layer is the reader's choice for this file alone: it outranks the remembered ones.
  const view = requested === undefined ? stamp : { ...stamp, layerPreference: [requested] };
  const [paragraphs, { annotations, notes, layer }] = await Promise.all([
    db().paragraph.findMany({ where: { articleId, revision: stamp.revision }, orderBy: { position: "asc" }, select: { id: true, position: true, text: true } }),
    annotationsForViewer({ actor, stamp: view, part: { name: "all" } }),
  ]);
  const project: (ExportLayer & { id: string }) | null = layer === null ? null : await db().project.findUniqueOrThrow({ where: { id: layer }, select: { id: true, slug: true, name: true } });
  const doc: ArticleExport = {
    article: { slug: stamp.slug, title: stamp.title, language: stamp.language, paragraphs },
    annotations,
    notes,
    ...(project ? { layers: new Map([[project.id, project]]) } : {}),
  };
  const spec = EXPORT_FORMAT_SPECS[format];
  // The article's annotation container is the collection these annotations belong to; its label says which layer.
  const collection = { id: exportIris(config().baseURL).container(stamp.slug), label: project ? `${stamp.title} (${project.name})` : stamp.title };
  return { filename: `${stamp.slug}.${spec.extension}`, contentType: spec.contentType, chunks: spec.write([doc], { bom, collection }) };
}
