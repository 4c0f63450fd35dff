/*
 * The export formats, shared by the Export menu (its items and links) and the export routes (their
 * query strings, lib/validations/export). Client-safe and free of zod: the reader's first scripts load it.
 */

/** Each format in the order the menu lists it, with the name the menu shows. */
export const EXPORT_FORMATS = [
  { format: "w3c", label: "W3C JSON-LD" },
  { format: "csv", label: "CSV" },
  { format: "markdown", label: "Markdown" },
  { format: "conll", label: "CoNLL (IOB2)" },
  { format: "doccano", label: "doccano JSONL" },
  { format: "spacy", label: "spaCy JSONL" },
] as const;

export type ExportFormat = (typeof EXPORT_FORMATS)[number]["format"];

/** The export route's URL for one article in one format (in project layer `layer`, when given). */
export function articleExportHref(articleId: string, format: ExportFormat, layer?: string | null): string {
  return `/api/articles/${encodeURIComponent(articleId)}/export?format=${format}${layer ? `&layer=${encodeURIComponent(layer)}` : ""}`;
}

/** What a corpus export spans: the library (or one project's articles and layer in it), or the result of a search. */
export type ExportScope = { kind: "article"; articleId: string; layer?: string | null } | { kind: "library"; project?: { id: string; name: string } } | { kind: "search"; q: string };

/** The export route's URL for a scope in one format. */
export function exportHref(scope: ExportScope, format: ExportFormat): string {
  if (scope.kind === "article") return articleExportHref(scope.articleId, format, scope.layer);
  const query = new URLSearchParams({ format, ...(scope.kind === "search" ? { q: scope.q } : {}), ...(scope.kind === "library" && scope.project ? { project: scope.project.id } : {}) });
  return `/api/exports?${query.toString()}`;
}

/** Response headers of a corpus export: how many progress units the file holds, and which. */
export const EXPORT_TOTAL_HEADER = "X-Export-Total";
export const EXPORT_UNIT_HEADER = "X-Export-Unit";
