import { after } from "next/server";
import { getActor } from "@/lib/server/auth/get-actor";
import { getImportJob } from "@/lib/server/import/get-import-job";
import { runImportJob } from "@/lib/server/import/run-import-job";
import { handleRoute } from "@/lib/server/route";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ jobId: string }> };

/** A bulk import's progress; a job whose worker stopped (its instance went away) is resumed here. */
export async function GET(_request: Request, { params }: Context) {
  return handleRoute(async () => {
    const { job, resume } = await getImportJob({ actor: await getActor(), jobId: (await params).jobId });
    if (resume) after(() => runImportJob(job.id));
    return job;
  });
}
