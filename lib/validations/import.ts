/*
 * Inputs of the admin import page, shared by its forms and the route handlers that parse them.
 * Client-safe: zod and constants only.
 */
import { z } from "zod";
import { toIsoDateTime } from "@/lib/validations/iso-date";
import { storableString } from "@/lib/validations/storable";

export const PASTE_FORMATS = ["text", "markdown", "html"] as const;
export type PasteFormat = (typeof PASTE_FORMATS)[number];
export const PASTE_FORMAT_LABELS: Record<PasteFormat, string> = { text: "Plain text", markdown: "Markdown", html: "HTML" };

/** Character encodings an uploaded file may be decoded with (WHATWG names). */
export const ENCODING_IDS = [
  "utf-8",
  "windows-1251",
  "koi8-r",
  "ibm866",
  "iso-8859-5",
  "windows-1252",
  "iso-8859-2",
  "utf-16le",
  "utf-16be",
] as const;
export type EncodingId = (typeof ENCODING_IDS)[number];
/** How the import page and its previews name each encoding. */
export const ENCODING_LABELS: Record<EncodingId, string> = {
  "utf-8": "UTF-8",
  "windows-1251": "Windows-1251 (Cyrillic)",
  "koi8-r": "KOI8-R (Cyrillic)",
  ibm866: "CP866 (Cyrillic, DOS)",
  "iso-8859-5": "ISO-8859-5 (Cyrillic)",
  "windows-1252": "Windows-1252 (Western European)",
  "iso-8859-2": "ISO-8859-2 (Central European)",
  "utf-16le": "UTF-16 LE",
  "utf-16be": "UTF-16 BE",
};

/** Repairs of text that was decoded with the wrong encoding before it reached Glossa. */
export const REPAIR_IDS = ["utf8-as-cp1251", "cp1251-as-latin1", "utf8-as-latin1", "koi8-as-cp1251"] as const;
export type RepairId = (typeof REPAIR_IDS)[number];

/** File extensions of single articles and of bulk files. */
export const ARTICLE_FILE_EXTENSIONS = [".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml"] as const;
export const BULK_FILE_EXTENSIONS = [".jsonl", ".ndjson", ".json"] as const;

export function fileKind(name: string): "text" | "markdown" | "html" | "jsonl" | "json" | null {
  const lower = name.toLowerCase();
  const ext = lower.slice(lower.lastIndexOf("."));
  if (ext === ".txt" || ext === ".text") return "text";
  if (ext === ".md" || ext === ".markdown") return "markdown";
  if (ext === ".html" || ext === ".htm" || ext === ".xhtml") return "html";
  if (ext === ".jsonl" || ext === ".ndjson") return "jsonl";
  if (ext === ".json") return "json";
  return null;
}

function isLanguageTag(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value.replace(/_/g, "-")).length === 1;
  } catch {
    return false;
  }
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

/** An optional text field: blank means absent. */
const optional = (max: number, label: string) =>
  storableString({ error: `${label} must be text.` })
    .trim()
    .max(max, `${label} is too long (at most ${max} characters).`)
    .optional()
    .transform((value) => value || undefined);

export const articleMetadataSchema = z.object({
  title: optional(500, "Title"),
  source: optional(200, "Source"),
  sourceUrl: optional(2000, "Source URL").refine((value) => value === undefined || isHttpUrl(value), "Source URL must be an http(s) address, such as https://example.com/story."),
  author: optional(300, "Author"),
  publishedAt: optional(40, "Published")
    .refine((value) => value === undefined || toIsoDateTime(value) !== undefined, "Published must be a date such as 2024-05-31."),
  language: optional(35, "Language").refine((value) => value === undefined || isLanguageTag(value), "Language must be a BCP-47 tag such as ru, en or pt-BR (or empty to detect it)."),
});
export type ArticleMetadataInput = z.input<typeof articleMetadataSchema>;

/** What to do with an article: decide from its source URL, force a new one, or replace a given one. */
export const importTargetSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("auto") }),
  z.object({ mode: z.literal("new") }),
  z.object({ mode: z.literal("replace"), articleId: storableString().min(1, "Choose the article to replace.").max(64) }),
]);
export type ImportTarget = z.infer<typeof importTargetSchema>;

const commitExtras = {
  target: importTargetSchema.default({ mode: "auto" }),
  /** The content hash the admin previewed: if the source changed since, the commit is refused. */
  expectedHash: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  /** The project (id) to import into: the default project when none is named. */
  project: z.string().trim().min(1, "Choose a project.").max(64, "Not a project id.").optional(),
};

export const pasteSourceSchema = articleMetadataSchema.extend({
  kind: z.literal("paste"),
  format: z.enum(PASTE_FORMATS, { error: "Format must be plain text, Markdown or HTML." }).default("text"),
  // The importer cleans the text itself (and refuses binary, NUL included, with its own message).
  text: z.string({ error: "Text must be text." }),
  repair: z.enum(REPAIR_IDS).optional(),
});

export const urlSourceSchema = z.object({
  kind: z.literal("url"),
  url: storableString({ error: "Enter a URL." })
    .trim()
    .min(1, "Enter the address of the page to import.")
    .max(2000, "The URL is too long.")
    .refine(isHttpUrl, "Only http:// and https:// addresses can be imported."),
  repair: z.enum(REPAIR_IDS).optional(),
});

/** JSON bodies of POST /api/admin/import/preview. Files are sent as multipart (see fileFieldsSchema). */
export const previewSourceSchema = z.discriminatedUnion("kind", [pasteSourceSchema, urlSourceSchema]);
export type PreviewSource = z.infer<typeof previewSourceSchema>;

/** JSON bodies of POST /api/admin/import/commit. */
export const commitSourceSchema = z.discriminatedUnion("kind", [pasteSourceSchema.extend(commitExtras), urlSourceSchema.extend(commitExtras)]);
export type CommitSource = z.infer<typeof commitSourceSchema>;

/** The text fields that accompany an uploaded file (multipart). */
export const fileFieldsSchema = z.object({
  encoding: z.enum(ENCODING_IDS, { error: "Unknown encoding." }).optional(),
  repair: z.enum(REPAIR_IDS).optional(),
  target: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (!value) return { mode: "auto" } as ImportTarget;
      try {
        return importTargetSchema.parse(JSON.parse(value));
      } catch {
        ctx.addIssue({ code: "custom", message: "target must be a JSON import target." });
        return z.NEVER;
      }
    }),
  expectedHash: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  project: commitExtras.project,
});
