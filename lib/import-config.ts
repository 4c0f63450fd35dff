import "server-only";
import { z } from "zod";
import { parseAllowList, type AllowEntry } from "@/lib/server/import/allow-list";

const MB = 1024 * 1024;

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const schema = z.object({
  /** Largest single article (raw text, Markdown, HTML page or one JSON line), in bytes. */
  GLOSSA_IMPORT_MAX_ARTICLE_BYTES: positiveInt(5 * MB),
  /** Largest bulk (.jsonl / .json) file, in bytes. */
  GLOSSA_IMPORT_MAX_BULK_BYTES: positiveInt(200 * MB),
  GLOSSA_IMPORT_MAX_PARAGRAPHS: positiveInt(20_000),
  /** Articles a bulk worker commits at the same time, each in its own transaction. */
  GLOSSA_IMPORT_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(4),
  GLOSSA_FETCH_TIMEOUT_MS: positiveInt(15_000),
  /** Largest page the URL importer downloads (after decompression); defaults to the article cap. */
  GLOSSA_FETCH_MAX_BYTES: z.coerce.number().int().positive().optional(),
  GLOSSA_FETCH_MAX_REDIRECTS: z.coerce.number().int().min(0).max(20).default(5),
  /**
   * Comma-separated hosts the URL importer may fetch even though they resolve to private or
   * loopback addresses: `intranet.example`, `*.corp.example`, `10.0.0.5`, `10.0.0.0/8`,
   * `[::1]`, each optionally with `:port` to allow only that port. Empty by default.
   */
  GLOSSA_FETCH_ALLOW_HOSTS: z.string().default(""),
});

export interface ImportConfig {
  maxArticleBytes: number;
  maxBulkBytes: number;
  maxParagraphs: number;
  concurrency: number;
  fetchTimeoutMs: number;
  fetchMaxBytes: number;
  fetchMaxRedirects: number;
  fetchAllowHosts: AllowEntry[];
}

let cached: ImportConfig | undefined;

/** Import limits and URL-fetching rules from the environment, parsed once; a bad value names itself. */
export function importConfig(): ImportConfig {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(`Invalid import configuration: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
  }
  const env = parsed.data;
  let fetchAllowHosts: AllowEntry[];
  try {
    fetchAllowHosts = parseAllowList(env.GLOSSA_FETCH_ALLOW_HOSTS);
  } catch (error) {
    throw new Error(`Invalid import configuration: ${(error as Error).message}`);
  }
  cached = {
    maxArticleBytes: env.GLOSSA_IMPORT_MAX_ARTICLE_BYTES,
    maxBulkBytes: env.GLOSSA_IMPORT_MAX_BULK_BYTES,
    maxParagraphs: env.GLOSSA_IMPORT_MAX_PARAGRAPHS,
    concurrency: env.GLOSSA_IMPORT_CONCURRENCY,
    fetchTimeoutMs: env.GLOSSA_FETCH_TIMEOUT_MS,
    fetchMaxBytes: env.GLOSSA_FETCH_MAX_BYTES ?? env.GLOSSA_IMPORT_MAX_ARTICLE_BYTES,
    fetchMaxRedirects: env.GLOSSA_FETCH_MAX_REDIRECTS,
    fetchAllowHosts,
  };
  return cached;
}

/** The limits lib/importing's parsers take. */
export function importLimits(): { maxArticleBytes: number; maxParagraphs: number } {
  const config = importConfig();
  return { maxArticleBytes: config.maxArticleBytes, maxParagraphs: config.maxParagraphs };
}
