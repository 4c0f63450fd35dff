import { after } from "next/server";
import { z } from "zod";
import { importConfig } from "@/lib/import-config";
import { createImportJob } from "@/lib/server/import/create-import-job";
import { listImportJobs } from "@/lib/server/import/list-import-jobs";
import { runImportJob } from "@/lib/server/import/run-import-job";
import { adminRoute, streamBody } from "@/lib/server/route";
import { formatMegabytes } from "@/lib/server/route/body";

export const dynamic = "force-dynamic";
// Checking a large bulk file takes a while; the request must not be cut short.
export const maxDuration = 300;

const ACTION = "import and manage articles";

/** Recent bulk imports with their progress. */
export const GET = adminRoute({ action: ACTION }, async ({ actor }) => {
  const { jobs, resume } = await listImportJobs({ actor });
  for (const id of resume) after(() => runImportJob(id));
  return jobs;
});

const fileName = z.string({ error: "Give the file's name as ?name=…" }).trim().min(1, "Give the file's name as ?name=…");

/**
 * The file itself as the body, capped at GLOSSA_IMPORT_MAX_BULK_BYTES as it streams in. Types a
 * foreign page cannot send without asking first (no form encodes them): the page's uploader
 * sends application/octet-stream.
 */
const bulkFile = streamBody({
  types: ["application/octet-stream", "application/json", "application/x-ndjson", "application/jsonl"],
  limit: () => importConfig().maxBulkBytes,
  tooLarge: () => `The file is larger than the ${formatMegabytes(importConfig().maxBulkBytes)} limit for a bulk file.`,
});

/**
 * Uploads a bulk file as the raw request body (`?name=articles.jsonl`), streamed: it is
 * checked line by line and stored as a job ready to import. Answers 201 with the job and its
 * preview (or 413/422 with the reason the file cannot be used).
 */
export const POST = adminRoute(
  { action: ACTION, query: z.object({ name: fileName }), body: bulkFile, status: 201 },
  // The gate has refused a stated length over the limit already, and counts the stream.
  async ({ actor, query, body }) => createImportJob({ actor, fileName: query.name, contentLength: null, body }),
);
