import { after } from "next/server";
import { getActor } from "@/lib/server/auth/get-actor";
import { runImportJob } from "@/lib/server/import/run-import-job";
import { startImportJob } from "@/lib/server/import/start-import-job";
import { handleRoute } from "@/lib/server/route";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ jobId: string }> };

/** Commits a previewed bulk file: the import runs in the background; poll the job for progress. */
export async function POST(_request: Request, { params }: Context) {
  return handleRoute(async () => {
    const { id } = await startImportJob({ actor: await getActor(), jobId: (await params).jobId });
    after(() => runImportJob(id));
    return { id };
  }, 202);
}
