import { cancelImportJob } from "@/lib/server/import/cancel-import-job";
import { adminRoute, idParams } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** Discards a previewed bulk file, or stops a running import after its current chunk. */
export const POST = adminRoute({ action: "import and manage articles", params: idParams("jobId") }, async ({ actor, params }) =>
  cancelImportJob({ actor, jobId: params.jobId }),
);
