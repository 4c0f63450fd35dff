import "server-only";
import { contentHash, ImportError, parseJsonLine } from "@/lib/importing";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { importConfig, importLimits } from "@/lib/import-config";
import type { Actor } from "@/lib/permissions";
import { AppError } from "@/lib/server/errors";
import { assertCanImport } from "@/lib/server/import/assert-can-import";
import { packArticle } from "@/lib/server/import/bulk-article";
import { bytesLookBinary } from "@/lib/server/import/encoding";
import {
  importJobSelect,
  MAX_STORED_ERRORS,
  toImportJobDTO,
  type BulkLineError,
  type BulkPreview,
  type ImportJobDTO,
} from "@/lib/server/import/import-job-dto";
import { findStoredMatches } from "@/lib/server/import/find-stored-matches";
import { storeChunk } from "@/lib/server/import/import-job-chunks";
import { describeArticle } from "@/lib/server/import/preview-article";
import { findImportProjectByReference, type ProjectReference } from "@/lib/server/projects/find-import-project";
import { splitJsonLines, splitJsonValues, type BulkItem } from "@/lib/server/import/split-bulk";
import { fileKind } from "@/lib/validations/import";

const CHUNK_ITEMS = 100;
const CHUNK_CHARS = 512 * 1024;
const PREVIEW_ARTICLES = 10;
const PREVIEW_WARNINGS = 20;

const mb = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

/** Web streams (a request body) and Node streams (a file, in the benchmark) alike. */
async function* iterate(source: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  if (Symbol.asyncIterator in source) {
    yield* source as AsyncIterable<Uint8Array>;
    return;
  }
  const reader = (source as ReadableStream<Uint8Array>).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

class UploadProblem extends Error {
  constructor(
    readonly appError: AppError,
  ) {
    super(appError.message);
  }
}

/**
 * Receives a bulk file (JSON Lines, or JSON: an array or a sequence of objects) as a stream and
 * prepares it as an import job: every article is parsed and checked, failures are recorded per
 * line, and the valid ones are stored, parsed, in chunks in the database, so that any app instance
 * can run (or resume) the job once the admin commits it. Memory stays flat: at most one chunk
 * is held. Nothing is imported here; the job ends READY with its preview, or FAILED.
 */
export async function createImportJob({
  actor,
  fileName,
  contentLength,
  body,
}: {
  actor: Actor | null;
  fileName: string;
  contentLength: number | null;
  body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> | null;
}): Promise<ImportJobDTO> {
  assertCanImport(actor);
  const config = importConfig();
  const limits = importLimits();
  const format = fileKind(fileName);
  if (format !== "jsonl" && format !== "json") {
    throw new AppError("INVALID_INPUT", `${fileName}: bulk import takes .jsonl (one JSON object per line) or .json files.`);
  }
  if (contentLength !== null && contentLength > config.maxBulkBytes) {
    throw new AppError("TOO_LARGE", `${fileName} (${mb(contentLength)}) is larger than the ${mb(config.maxBulkBytes)} limit for a bulk file.`);
  }
  if (!body) throw new AppError("INVALID_INPUT", "The upload is empty: send the file as the request body.");

  const job = await db().importJob.create({ data: { createdById: actor.id, fileName: fileName.slice(0, 255), format }, select: { id: true } });
  const jobId = job.id;

  let bytes = 0;
  async function* text(): AsyncGenerator<string> {
    const decoder = new TextDecoder("utf-8", { fatal: true });
    let first = true;
    for await (const piece of iterate(body!)) {
      bytes += piece.length;
      if (bytes > config.maxBulkBytes) {
        throw new UploadProblem(new AppError("TOO_LARGE", `${fileName} is larger than the ${mb(config.maxBulkBytes)} limit for a bulk file.`));
      }
      if (first && piece.length > 0) {
        first = false;
        if (bytesLookBinary(piece)) {
          throw new UploadProblem(new AppError("UNPROCESSABLE", `${fileName} is not a text file (it contains binary data). Bulk import takes JSON Lines in UTF-8.`, { importCode: "BINARY" }));
        }
      }
      try {
        yield decoder.decode(piece, { stream: true });
      } catch {
        throw new UploadProblem(new AppError("UNPROCESSABLE", `${fileName} is not UTF-8 text (invalid bytes near byte ${bytes.toLocaleString("en")}). Save it as UTF-8 and upload it again.`, { importCode: "ENCODING" }));
      }
    }
    try {
      yield decoder.decode();
    } catch {
      throw new UploadProblem(new AppError("UNPROCESSABLE", `${fileName} ends in the middle of a UTF-8 character: the file is truncated or not UTF-8.`, { importCode: "ENCODING" }));
    }
  }

  const errors: BulkLineError[] = [];
  let errorCount = 0;
  const preview: BulkPreview = { articles: [], withWarnings: 0, warnings: [], identical: 0, revisions: 0 };
  let total = 0;
  let valid = 0;
  let seq = 0;
  let chunk = { lines: [] as number[], items: [] as string[], skipped: 0, chars: 0, hashes: new Set<string>(), sourceUrls: new Set<string>() };

  // A file names a few projects over and over: each is looked up and checked once.
  const projects = new Map<string, Promise<ProjectReference>>();
  const projectNamed = (reference: string) => {
    if (!projects.has(reference)) projects.set(reference, findImportProjectByReference(actor, reference));
    return projects.get(reference)!;
  };

  const fail = (line: number, message: string) => {
    errorCount++;
    if (errors.length < MAX_STORED_ERRORS) errors.push({ line, message });
  };

  const store = async (current: typeof chunk) => {
    const [, stored, state] = await Promise.all([
      storeChunk(jobId, seq++, current),
      findStoredMatches([...current.hashes], [...current.sourceUrls]),
      db().importJob.update({ where: { id: jobId }, data: { total, valid, bytes }, select: { status: true } }),
    ]);
    preview.identical += stored.hashes.size;
    preview.revisions += stored.sourceUrls.size;
    if (state.status === "CANCELLED") throw new UploadProblem(new AppError("CONFLICT", "The upload was cancelled."));
  };
  /*
   * A full chunk is stored while the next one is parsed: Node's check and PostgreSQL's writes
   * overlap instead of taking turns (at most two chunks are held). Its failure (or the upload's
   * cancellation) is thrown by the next flush, or after the last one.
   */
  let storing: Promise<void> = Promise.resolve();
  const flush = async () => {
    if (chunk.items.length === 0 && chunk.skipped === 0) return;
    const current = chunk;
    chunk = { lines: [], items: [], skipped: 0, chars: 0, hashes: new Set(), sourceUrls: new Set() };
    await storing;
    storing = store(current);
    // Observed here so that a failure while the next chunk is parsed is not an unhandled rejection; it is rethrown where awaited.
    storing.catch(() => {});
  };

  try {
    const split = format === "jsonl" ? splitJsonLines(text(), limits.maxArticleBytes) : splitJsonValues(text(), limits.maxArticleBytes);
    for await (const item of split as AsyncGenerator<BulkItem>) {
      total++;
      const label = format === "jsonl" ? `Line ${item.line}` : `Item ${total} (line ${item.line})`;
      if ("oversized" in item) {
        fail(item.line, `${label}: the article is too large: it is over the ${mb(limits.maxArticleBytes)} limit for one article.`);
        chunk.skipped++;
      } else {
        try {
          const parsed = await parseJsonLine(item.text, item.line, limits);
          // The line's project, checked now: a line naming one the importer may not import into is refused here, so nothing of it is imported.
          const project = parsed.project === undefined ? undefined : await projectNamed(parsed.project);
          if (project && !project.ok) throw new ImportError(`Line ${item.line}: ${project.message}`, "INVALID_FIELD");
          const hash = contentHash(parsed);
          const packed = packArticle(parsed, hash, project?.id);
          valid++;
          chunk.lines.push(item.line);
          chunk.items.push(packed);
          chunk.chars += packed.length;
          chunk.hashes.add(hash);
          if (parsed.metadata.sourceUrl) chunk.sourceUrls.add(parsed.metadata.sourceUrl);
          if (parsed.warnings.length > 0) {
            preview.withWarnings++;
            if (preview.warnings.length < PREVIEW_WARNINGS) preview.warnings.push({ line: item.line, message: parsed.warnings[0]! });
          }
          if (preview.articles.length < PREVIEW_ARTICLES) {
            const { title, language, paragraphCount, paragraphs, metadata, warnings } = describeArticle(parsed, "");
            preview.articles.push({ line: item.line, title, language, paragraphCount, paragraphs: paragraphs.slice(0, 1), metadata, warnings });
          }
        } catch (error) {
          if (!(error instanceof ImportError)) throw error;
          fail(item.line, format === "jsonl" ? error.message : error.message.replace(/^Line \d+:/, `${label}:`));
          chunk.skipped++;
        }
      }
      if (chunk.items.length >= CHUNK_ITEMS || chunk.chars >= CHUNK_CHARS) await flush();
    }
    await flush();
    await storing;
  } catch (error) {
    // No write of the upload may land after its chunks are deleted below.
    await storing.catch(() => {});
    // An AppError from the body itself: the route's gate cut it at the size limit.
    const problem = error instanceof UploadProblem ? error.appError : error instanceof AppError ? error : null;
    await db().importJob.updateMany({
      where: { id: jobId, status: "UPLOADING" },
      data: { status: "FAILED", message: problem?.message ?? "The upload was interrupted before the whole file arrived.", bytes, total, valid, finishedAt: new Date() },
    });
    await db().importJobChunk.deleteMany({ where: { jobId } });
    if (problem) throw problem;
    throw error;
  }

  const empty = total === 0;
  const data: Prisma.ImportJobUpdateManyMutationInput = empty
    ? { status: "FAILED", message: `${fileName} contains no articles: it is empty or only blank lines.`, bytes, finishedAt: new Date() }
    : {
        status: "READY",
        bytes,
        total,
        valid,
        chunkCount: seq,
        errors: errors as unknown as Prisma.InputJsonValue,
        errorCount,
        preview: preview as unknown as Prisma.InputJsonValue,
        message: valid === 0 ? "No line of this file can be imported: see the errors below." : null,
      };
  await db().importJob.updateMany({ where: { id: jobId, status: "UPLOADING" }, data });
  if (empty) {
    await db().importJobChunk.deleteMany({ where: { jobId } });
    throw new AppError("UNPROCESSABLE", `${fileName} contains no articles: it is empty or only blank lines.`, { importCode: "EMPTY" });
  }
  const row = await db().importJob.findUniqueOrThrow({ where: { id: jobId }, select: importJobSelect });
  return toImportJobDTO(row, actor.name);
}
