import { getActor } from "@/lib/server/auth/get-actor";
import { assertCanImport } from "@/lib/server/import/assert-can-import";
import { commitArticle } from "@/lib/server/import/commit-article";
import { readImportRequest } from "@/lib/server/import/read-import-request";
import { handleRoute } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/**
 * Imports one article in its own transaction: the preview's body plus `target`
 * (`{ mode: "auto" | "new" }` or `{ mode: "replace", articleId }`) and `expectedHash`.
 * Answers `{ status: "created" | "revised" | "unchanged", articleId, slug, title, report? }`.
 */
export async function POST(request: Request) {
  return handleRoute(async () => {
    const actor = await getActor();
    assertCanImport(actor);
    const { source, target, expectedHash } = await readImportRequest(request);
    return commitArticle({ actor, source, target, expectedHash });
  });
}
