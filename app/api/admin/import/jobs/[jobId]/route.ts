import { after } from "next/server";
import { getImportJob } from "@/lib/server/import/get-import-job";
import { runImportJob } from "@/lib/server/import/run-import-job";
import { adminRoute, idParams } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** A bulk import's progress; a job whose worker stopped (its instance went away) is resumed here. */
export const GET = adminRoute({ action: "import and manage articles", params: idParams("jobId") }, async ({ actor, params }) => {
  const { job, resume } = await getImportJob({ actor, jobId: params.jobId });
  if (resume) after(() => runImportJob(job.id));
  return job;
});
