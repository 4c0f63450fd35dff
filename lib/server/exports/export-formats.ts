import "server-only";
import { ANNO_MEDIA_TYPE, exportIris, streamConll, streamCsv, streamDoccano, streamMarkdown, streamSpacy, streamW3CCollection, type ArticleSource } from "@/lib/exporting";
import { config } from "@/lib/config";
import type { ExportFormat } from "@/lib/validations/export";

/** What one export needs to name itself: the W3C collection's IRI and label. */
export interface ExportCollection {
  id: string;
  label: string;
}

export interface ExportFile {
  /** `<name>.<extension>`. */
  filename: string;
  contentType: string;
  /** The file's text, in pieces as the writer makes them. */
  chunks: AsyncGenerator<string>;
  /** Extra response headers (the progress total of a corpus export). */
  headers?: Record<string, string>;
}

interface FormatSpec {
  contentType: string;
  extension: string;
  write(source: ArticleSource, options: { bom: boolean; collection: ExportCollection }): AsyncGenerator<string>;
}

/** Each format's writer, media type and file extension: one table for one article and for many. */
export const EXPORT_FORMAT_SPECS: Record<ExportFormat, FormatSpec> = {
  w3c: {
    contentType: ANNO_MEDIA_TYPE,
    extension: "jsonld",
    write: (source, { collection }) => streamW3CCollection(source, { iris: exportIris(config().baseURL), ...collection }),
  },
  csv: { contentType: "text/csv; charset=utf-8", extension: "csv", write: (source, { bom }) => streamCsv(source, { bom }) },
  markdown: { contentType: "text/markdown; charset=utf-8", extension: "md", write: (source) => streamMarkdown(source) },
  conll: { contentType: "text/plain; charset=utf-8", extension: "conll", write: (source) => streamConll(source) },
  doccano: { contentType: "application/x-ndjson", extension: "doccano.jsonl", write: (source) => streamDoccano(source) },
  spacy: { contentType: "application/x-ndjson", extension: "spacy.jsonl", write: (source) => streamSpacy(source) },
};
