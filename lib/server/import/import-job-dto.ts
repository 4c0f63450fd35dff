import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ArticlePreview } from "@/lib/server/import/preview-article";

/** One line of a bulk file that failed, as shown to the admin. */
export interface BulkLineError {
  line: number;
  message: string;
}

/** What the admin sees of a bulk file before committing it. */
export interface BulkPreview {
  /** The first valid articles, with the line each starts on. */
  articles: (Pick<ArticlePreview, "title" | "language" | "paragraphCount" | "paragraphs" | "metadata" | "warnings"> & { line: number })[];
  /** Valid articles with at least one warning, and the first of those warnings. */
  withWarnings: number;
  warnings: BulkLineError[];
  /** Valid articles whose exact content is already stored (no-ops). */
  identical: number;
  /** Valid articles whose source URL is already stored (new revisions). */
  revisions: number;
}

export type ImportJobStatus = "UPLOADING" | "READY" | "RUNNING" | "DONE" | "FAILED" | "CANCELLED";

export interface ImportJobDTO {
  id: string;
  fileName: string;
  format: string;
  status: ImportJobStatus;
  bytes: number;
  total: number;
  valid: number;
  processed: number;
  created: number;
  revised: number;
  unchanged: number;
  failed: number;
  errorCount: number;
  /** Sorted by line; at most the first 1,000 failures. */
  errors: BulkLineError[];
  preview: BulkPreview | null;
  message: string | null;
  createdBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Running, but its worker has not reported for a while: it will be resumed. */
  stale: boolean;
}

export const MAX_STORED_ERRORS = 1000;
/** A running job whose worker has been silent this long is taken over by another instance. */
export const STALE_AFTER_MS = 30_000;
/** An upload that has stored nothing for this long was cut short (its instance died): it is failed. */
export const UPLOAD_IDLE_MS = 10 * 60_000;

export const importJobSelect = {
  id: true,
  fileName: true,
  format: true,
  status: true,
  bytes: true,
  total: true,
  valid: true,
  processed: true,
  created: true,
  revised: true,
  unchanged: true,
  failed: true,
  errorCount: true,
  errors: true,
  preview: true,
  message: true,
  createdById: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  heartbeatAt: true,
} satisfies Prisma.ImportJobSelect;

export type ImportJobRow = Prisma.ImportJobGetPayload<{ select: typeof importJobSelect }>;

export function toImportJobDTO(row: ImportJobRow, createdBy: string | null): ImportJobDTO {
  const preview = row.preview as unknown as BulkPreview | Record<string, never>;
  return {
    id: row.id,
    fileName: row.fileName,
    format: row.format,
    status: row.status,
    bytes: Number(row.bytes),
    total: row.total,
    valid: row.valid,
    processed: row.processed,
    created: row.created,
    revised: row.revised,
    unchanged: row.unchanged,
    failed: row.failed,
    errorCount: row.errorCount,
    errors: [...(row.errors as unknown as BulkLineError[])].sort((a, b) => a.line - b.line),
    preview: "articles" in preview ? (preview as BulkPreview) : null,
    message: row.message,
    createdBy,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    stale: isStale(row),
  };
}

export function isStale(row: { status: string; heartbeatAt: Date | null }): boolean {
  return row.status === "RUNNING" && (row.heartbeatAt === null || Date.now() - row.heartbeatAt.getTime() > STALE_AFTER_MS);
}
