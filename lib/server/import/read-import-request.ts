import "server-only";
import { importConfig } from "@/lib/import-config";
import { AppError } from "@/lib/server/errors";
import type { ArticleSource } from "@/lib/server/import/read-source";
import { formatMegabytes, parseJsonBytes, readCappedBytes, type BodySpec } from "@/lib/server/route/body";
import { commitSourceSchema, fileFieldsSchema, type ImportTarget } from "@/lib/validations/import";

export interface ImportRequest {
  source: ArticleSource;
  target: ImportTarget;
  expectedHash?: string;
  /** The project to import into (its id). */
  project?: string;
}

const MULTIPART = "multipart/form-data";
const JSON_TYPE = "application/json";

// Room for the multipart envelope and the small text fields around one file.
const MULTIPART_OVERHEAD = 64 * 1024;

/**
 * The body of a preview or commit request (GLOSSA_IMPORT_MAX_ARTICLE_BYTES bounds both): JSON
 * for pasted text and URLs (commitSourceSchema), multipart/form-data with one `file` for uploads
 * (fileFieldsSchema). The route's gate refuses other media types (415) and bodies over the limit
 * (413, from Content-Length before reading, and counted while reading).
 */
export const importRequestBody: BodySpec<ImportRequest> = {
  types: [JSON_TYPE, MULTIPART],
  limit: (type) => {
    const { maxArticleBytes } = importConfig();
    // JSON escapes can double the text's size (\uXXXX is 6 bytes for 3); anything beyond is certainly too large.
    return type === MULTIPART ? maxArticleBytes + MULTIPART_OVERHEAD : maxArticleBytes * 2 + MULTIPART_OVERHEAD;
  },
  tooLarge: (type) =>
    `The ${type === MULTIPART ? "file" : "text"} is too large: the limit for one article is ${formatMegabytes(importConfig().maxArticleBytes)}.`,
  read: async (request, { type, limit, tooLarge }) => {
    const bytes = await readCappedBytes(request, limit, tooLarge);
    return type === MULTIPART ? readUpload(bytes, request.headers.get("content-type") ?? MULTIPART) : readJsonSource(bytes);
  },
};

function readJsonSource(bytes: Uint8Array): ImportRequest {
  const { target, expectedHash, project, ...source } = commitSourceSchema.parse(parseJsonBytes(bytes));
  return { source, target, expectedHash, project };
}

async function readUpload(bytes: Uint8Array, contentType: string): Promise<ImportRequest> {
  let form: FormData;
  try {
    // The bytes were read (and counted) already: the form is parsed from memory.
    form = await new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { "Content-Type": contentType } }).formData();
  } catch {
    throw new AppError("INVALID_INPUT", "The upload could not be read: send one file as multipart/form-data.");
  }
  const file = form.get("file");
  if (!(file instanceof File)) throw new AppError("INVALID_INPUT", "Choose a file to upload.");
  const fields = fileFieldsSchema.parse({
    encoding: form.get("encoding") || undefined,
    repair: form.get("repair") || undefined,
    target: form.get("target") || undefined,
    expectedHash: form.get("expectedHash") || undefined,
    project: form.get("project") || undefined,
  });
  return {
    source: { kind: "file", fileName: file.name || "upload", bytes: new Uint8Array(await file.arrayBuffer()), encoding: fields.encoding, repair: fields.repair },
    target: fields.target,
    expectedHash: fields.expectedHash,
    project: fields.project,
  };
}
