import "server-only";
import { importConfig } from "@/lib/import-config";
import { AppError } from "@/lib/server/errors";
import type { ArticleSource } from "@/lib/server/import/read-source";
import { readJson } from "@/lib/server/route";
import { commitSourceSchema, fileFieldsSchema, type ImportTarget } from "@/lib/validations/import";

export interface ImportRequest {
  source: ArticleSource;
  target: ImportTarget;
  expectedHash?: string;
}

// Room for the multipart envelope and the small text fields around one file.
const MULTIPART_OVERHEAD = 64 * 1024;

/**
 * Parses the body of a preview or commit request: JSON for pasted text and URLs
 * (commitSourceSchema), multipart/form-data with one `file` for uploads (fileFieldsSchema).
 * Oversized uploads are refused from their Content-Length, before the body is read.
 */
export async function readImportRequest(request: Request): Promise<ImportRequest> {
  const type = request.headers.get("content-type") ?? "";
  const { maxArticleBytes } = importConfig();
  const length = Number(request.headers.get("content-length"));
  if (type.startsWith("multipart/form-data")) {
    if (Number.isFinite(length) && length > maxArticleBytes + MULTIPART_OVERHEAD) {
      throw new AppError("TOO_LARGE", `The file is too large: the limit for one article is ${Math.round((maxArticleBytes / 1048576) * 10) / 10} MB.`);
    }
    let form: FormData;
    try {
      form = await request.formData();
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
    });
    const bytes = new Uint8Array(await file.arrayBuffer());
    return {
      source: { kind: "file", fileName: file.name || "upload", bytes, encoding: fields.encoding, repair: fields.repair },
      target: fields.target,
      expectedHash: fields.expectedHash,
    };
  }
  // JSON escapes can double the text's size (\uXXXX is 6 bytes for 3); anything beyond is certainly too large.
  if (Number.isFinite(length) && length > maxArticleBytes * 2 + MULTIPART_OVERHEAD) {
    throw new AppError("TOO_LARGE", `The text is too large: the limit for one article is ${Math.round((maxArticleBytes / 1048576) * 10) / 10} MB.`);
  }
  const body = commitSourceSchema.parse(await readJson(request));
  const { target, expectedHash, ...source } = body;
  return { source, target, expectedHash };
}

