import { after } from "next/server";
import { runImportJob } from "@/lib/server/import/run-import-job";
import { startImportJob } from "@/lib/server/import/start-import-job";
import { adminRoute, idParams } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** Commits a previewed bulk file: the import runs in the background; poll the job for progress. */
export const POST = adminRoute({ action: "import and manage articles", params: idParams("jobId"), status: 202 }, async ({ actor, params }) => {
  const { id } = await startImportJob({ actor, jobId: params.jobId });
  after(() => runImportJob(id));
  return { id };
});
