import { getActor } from "@/lib/server/auth/get-actor";
import { cancelImportJob } from "@/lib/server/import/cancel-import-job";
import { handleRoute } from "@/lib/server/route";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ jobId: string }> };

/** Discards a previewed bulk file, or stops a running import after its current chunk. */
export async function POST(_request: Request, { params }: Context) {
  return handleRoute(async () => cancelImportJob({ actor: await getActor(), jobId: (await params).jobId }));
}
