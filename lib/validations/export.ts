/*
 * The export formats of one article, shared by the Export menu (its items and links) and the
 * export route (its query string). Client-safe.
 */
import { z } from "zod";

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

const FORMAT_NAMES = EXPORT_FORMATS.map((entry) => entry.format) as [ExportFormat, ...ExportFormat[]];

/** `?format=w3c|csv|markdown|conll|doccano|spacy[&bom=1]`: bom (a byte-order mark for spreadsheets) applies to CSV only. */
export const exportQuerySchema = z.object({
  format: z.enum(FORMAT_NAMES, { error: `Format must be one of ${FORMAT_NAMES.join(", ")}.` }),
  // A boolean too, so that parsing what was parsed (the route, then the use case) gives the same.
  bom: z
    .union([z.boolean(), z.enum(["0", "1", "true", "false"]).transform((value) => value === "1" || value === "true")], { error: "bom must be 1 or 0." })
    .default(false),
});
export type ExportQuery = z.infer<typeof exportQuerySchema>;

/** An optional project id in a query string, named `name` in its error. */
function projectIdSchema(name: string) {
  return z
    .string({ error: `${name} must be a project id.` })
    .regex(/^[A-Za-z0-9_-]{1,64}$/, `${name} must be a project id.`)
    .optional();
}

/**
 * One article's export: `layer` (a project id) is the project layer to export, as the reader's
 * **Project layer** box names it; without it, the layer the requester reads the article in.
 */
export const articleExportQuerySchema = exportQuerySchema.extend({ layer: projectIdSchema("layer") });

/** The export route's URL for one article in one format (in project layer `layer`, when given). */
export function articleExportHref(articleId: string, format: ExportFormat, layer?: string | null): string {
  return `/api/articles/${encodeURIComponent(articleId)}/export?format=${format}${layer ? `&layer=${encodeURIComponent(layer)}` : ""}`;
}

/** The longest search query a search-result export takes (the search box's own limit is lower). */
const MAX_EXPORT_QUERY = 2_000;

/** `GET /api/exports`: the whole library you may read, or with `q` the articles that search finds; `project` narrows either to one project. */
export const corpusExportQuerySchema = exportQuerySchema.extend({
  q: z.string().max(MAX_EXPORT_QUERY, `q is too long (${MAX_EXPORT_QUERY} characters at most).`).optional(),
  /** Only this project's articles, and its layer's work on them. */
  project: projectIdSchema("project"),
});
export type CorpusExportQuery = z.infer<typeof corpusExportQuerySchema>;

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
