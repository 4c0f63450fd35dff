import { after } from "next/server";
import { getActor } from "@/lib/server/auth/get-actor";
import { AppError } from "@/lib/server/errors";
import { assertCanImport } from "@/lib/server/import/assert-can-import";
import { createImportJob } from "@/lib/server/import/create-import-job";
import { listImportJobs } from "@/lib/server/import/list-import-jobs";
import { runImportJob } from "@/lib/server/import/run-import-job";
import { handleRoute } from "@/lib/server/route";

export const dynamic = "force-dynamic";
// Checking a large bulk file takes a while; the request must not be cut short.
export const maxDuration = 300;

/** Recent bulk imports with their progress. */
export async function GET() {
  return handleRoute(async () => {
    const { jobs, resume } = await listImportJobs({ actor: await getActor() });
    for (const id of resume) after(() => runImportJob(id));
    return jobs;
  });
}

/**
 * Uploads a bulk file as the raw request body (`?name=articles.jsonl`), streamed: it is
 * checked line by line and stored as a job ready to import. Answers 201 with the job and its
 * preview (or 413/422 with the reason the file cannot be used).
 */
export async function POST(request: Request) {
  return handleRoute(async () => {
    const actor = await getActor();
    assertCanImport(actor);
    const name = new URL(request.url).searchParams.get("name")?.trim();
    if (!name) throw new AppError("INVALID_INPUT", "Give the file's name as ?name=…");
    const length = request.headers.get("content-length");
    return createImportJob({ actor, fileName: name, contentLength: length === null ? null : Number(length), body: request.body });
  }, 201);
}
