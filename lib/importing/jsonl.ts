import { assertImportable, resolveLimits, toHttpUrl, toIsoDateTime } from "./article";
import { ImportError, type ImportErrorCode } from "./errors";
import { parseHtml } from "./html";
import { canonicalLanguageTag } from "./language";
import { parseMarkdown } from "./markdown";
import { parsePlainText } from "./text";
import type { ArticleMetadata, ImportLimits, ParsedArticle } from "./types";

const BODY_FIELDS = ["text", "html", "markdown"] as const;
const META_FIELDS = ["title", "source", "sourceUrl", "author", "publishedAt", "language"] as const;
/** Where the line's article goes, not part of it: the project (its slug or name) it is imported into. */
const PROJECT_FIELD = "project";
const FIELDS: ReadonlySet<string> = new Set([...BODY_FIELDS, ...META_FIELDS, PROJECT_FIELD]);

type Field = (typeof BODY_FIELDS)[number] | (typeof META_FIELDS)[number] | typeof PROJECT_FIELD;

/** Project names are at most this long (lib/validations/project.ts); a longer reference names none. */
const MAX_PROJECT_REFERENCE = 200;

/** A line's article, and the project it names (a slug or a name, as written; the importer resolves it). */
export type JsonLineArticle = ParsedArticle & { project?: string };

const quoteList = (names: readonly string[]): string => names.map((name) => `"${name}"`).join(", ");

function describeType(value: unknown): string {
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}

/**
 * Parses one line of a JSON Lines import. The line must be an object with exactly one of
 * `text`, `html` or `markdown` plus optional `title`, `source`, `sourceUrl` (http/https),
 * `author`, `publishedAt` (ISO 8601), `language` (BCP-47) and `project` (the slug or name of the
 * project to import it into, returned as written for the importer to resolve and check); all
 * values are strings, and `null` counts as absent. Every ImportError message starts with "Line N:" so a bulk import
 * can report all failures at once: INVALID_JSON, UNKNOWN_FIELD, INVALID_FIELD, MISSING_TEXT,
 * or any error of the body's parser. Callers are expected to skip blank lines.
 */
export async function parseJsonLine(line: string, lineNumber: number, limits?: Partial<ImportLimits>): Promise<JsonLineArticle> {
  const fail = (message: string, code: ImportErrorCode): ImportError => new ImportError(`Line ${lineNumber}: ${message}`, code);
  const resolved = resolveLimits(limits);

  // The shared guards and the parsers do not know the line number; add it to their errors.
  const onLine = async <T>(run: () => T | Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      if (error instanceof ImportError) throw fail(error.message, error.code);
      throw error;
    }
  };

  await onLine(() => assertImportable(line, resolved));
  const fields = readFields(line, fail);
  const bodies = BODY_FIELDS.filter((name) => fields[name] !== undefined);
  const [bodyField] = bodies;
  if (bodyField === undefined) throw fail(`one of ${quoteList(BODY_FIELDS)} is required.`, "MISSING_TEXT");
  if (bodies.length > 1) throw fail(`give only one of ${quoteList(BODY_FIELDS)}, not ${quoteList(bodies)}.`, "INVALID_FIELD");

  const meta: ArticleMetadata = {
    title: fields.title,
    source: fields.source,
    sourceUrl: fields.sourceUrl,
    author: fields.author,
    publishedAt: fields.publishedAt,
    language: fields.language,
  };
  const body = fields[bodyField] ?? "";
  const parsed = await onLine(() => (bodyField === "html" ? parseHtml(body, meta, resolved) : bodyField === "markdown" ? parseMarkdown(body, meta, resolved) : parsePlainText(body, meta, resolved)));
  return fields.project === undefined ? parsed : { ...parsed, project: fields.project };
}

/** Parses the JSON and validates field names, types and formats. */
function readFields(
  line: string,
  fail: (message: string, code: ImportErrorCode) => ImportError,
): Partial<Record<Field, string>> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw fail(`invalid JSON (${error instanceof Error ? error.message : String(error)}).`, "INVALID_JSON");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw fail(`expected a JSON object, got ${value === null ? "null" : describeType(value)}.`, "INVALID_JSON");
  }

  const fields: Partial<Record<Field, string>> = {};
  for (const [name, fieldValue] of Object.entries(value)) {
    if (!FIELDS.has(name)) {
      throw fail(`unknown field "${name}"; allowed fields are ${quoteList([...FIELDS])}.`, "UNKNOWN_FIELD");
    }
    if (fieldValue === null) continue;
    if (typeof fieldValue !== "string") {
      throw fail(`field "${name}" must be a string, got ${describeType(fieldValue)}.`, "INVALID_FIELD");
    }
    fields[name as Field] = fieldValue;
  }

  if (fields.project !== undefined) {
    fields.project = fields.project.trim();
    if (fields.project === "" || fields.project.length > MAX_PROJECT_REFERENCE) {
      throw fail(`field "project" must name a project by its slug or name (1 to ${MAX_PROJECT_REFERENCE} characters).`, "INVALID_FIELD");
    }
  }
  if (fields.sourceUrl !== undefined && !toHttpUrl(fields.sourceUrl)) {
    throw fail(`field "sourceUrl" must be an http(s) URL.`, "INVALID_FIELD");
  }
  if (fields.publishedAt !== undefined && !toIsoDateTime(fields.publishedAt)) {
    throw fail(`field "publishedAt" must be an ISO 8601 date such as "2024-05-31" or "2024-05-31T14:00:00Z".`, "INVALID_FIELD");
  }
  if (fields.language !== undefined && !canonicalLanguageTag(fields.language)) {
    throw fail(`field "language" must be a BCP-47 language tag such as "en" or "pt-BR".`, "INVALID_FIELD");
  }
  return fields;
}
