import "server-only";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { exportIris, streamConll, streamCsv, streamDoccano, streamMarkdown, streamSpacy, streamW3CCollection, ANNO_MEDIA_TYPE, type ArticleExport, type ArticleSource } from "@/lib/exporting";
import type { Actor } from "@/lib/permissions";
import { listArticleAnnotations } from "@/lib/server/annotations/list-article-annotations";
import { findReadableArticle } from "@/lib/server/articles/find-readable-article";
import { exportQuerySchema, type ExportFormat } from "@/lib/validations/export";

interface FormatSpec {
  contentType: string;
  extension: string;
  write(source: ArticleSource, options: { bom: boolean; doc: ArticleExport }): AsyncGenerator<string>;
}

const FORMATS: Record<ExportFormat, FormatSpec> = {
  w3c: {
    contentType: ANNO_MEDIA_TYPE,
    extension: "jsonld",
    write(source, { doc }) {
      // The article's annotation container is the collection these annotations belong to.
      const iris = exportIris(config().baseURL);
      return streamW3CCollection(source, { iris, id: iris.container(doc.article.slug), label: doc.article.title });
    },
  },
  csv: { contentType: "text/csv; charset=utf-8", extension: "csv", write: (source, { bom }) => streamCsv(source, { bom }) },
  markdown: { contentType: "text/markdown; charset=utf-8", extension: "md", write: (source) => streamMarkdown(source) },
  conll: { contentType: "text/plain; charset=utf-8", extension: "conll", write: (source) => streamConll(source) },
  doccano: { contentType: "application/x-ndjson", extension: "doccano.jsonl", write: (source) => streamDoccano(source) },
  spacy: { contentType: "application/x-ndjson", extension: "spacy.jsonl", write: (source) => streamSpacy(source) },
};

export interface ArticleExportFile {
  /** `<slug>.<extension>`. */
  filename: string;
  contentType: string;
  /** The file's text, in pieces as the writer makes them. */
  chunks: AsyncGenerator<string>;
}

/**
 * One article's current text with the annotations and notes this requester may read, in the
 * chosen format. The article's readability (401 when sign-in is required, 404 for an unknown or
 * archived one) and each annotation's and note's (private work only for its author) are the
 * loaders' rules, so an export never shows more than the reader does. Everything is read before
 * the first chunk, so a refusal is an error answer, never a truncated file.
 */
export async function exportArticle({ actor, articleId, query }: { actor: Actor | null; articleId: string; query: unknown }): Promise<ArticleExportFile> {
  const { format, bom } = exportQuerySchema.parse(query);
  const { revision } = await findReadableArticle(actor, articleId, "export this article");
  const [article, paragraphs, { annotations, notes }] = await Promise.all([
    db().article.findUniqueOrThrow({ where: { id: articleId }, select: { slug: true, title: true, language: true } }),
    db().paragraph.findMany({ where: { articleId, revision }, orderBy: { position: "asc" }, select: { id: true, position: true, text: true } }),
    listArticleAnnotations({ actorId: actor?.id ?? null, articleId, revision }),
  ]);
  const doc: ArticleExport = { article: { ...article, paragraphs }, annotations, notes };
  const spec = FORMATS[format];
  return { filename: `${article.slug}.${spec.extension}`, contentType: spec.contentType, chunks: spec.write([doc], { bom, doc }) };
}
