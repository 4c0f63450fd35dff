/*
 * The export routes' query strings. The formats, links and headers the Export menu needs live in
 * lib/exporting/formats (no zod: the reader's first scripts load the menu); re-exported here.
 */
import { z } from "zod";
import { EXPORT_FORMATS, type ExportFormat } from "@/lib/exporting/formats";

export { articleExportHref, EXPORT_FORMATS, EXPORT_TOTAL_HEADER, EXPORT_UNIT_HEADER, exportHref, type ExportFormat, type ExportScope } from "@/lib/exporting/formats";

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

/** The longest search query a search-result export takes (the search box's own limit is lower). */
const MAX_EXPORT_QUERY = 2_000;

/** `GET /api/exports`: the whole library you may read, or with `q` the articles that search finds; `project` narrows either to one project. */
export const corpusExportQuerySchema = exportQuerySchema.extend({
  q: z.string().max(MAX_EXPORT_QUERY, `q is too long (${MAX_EXPORT_QUERY} characters at most).`).optional(),
  /** Only this project's articles, and its layer's work on them. */
  project: projectIdSchema("project"),
});
export type CorpusExportQuery = z.infer<typeof corpusExportQuerySchema>;
