import { getActor } from "@/lib/server/auth/get-actor";
import { assertCanImport } from "@/lib/server/import/assert-can-import";
import { previewArticle } from "@/lib/server/import/preview-article";
import { readImportRequest } from "@/lib/server/import/read-import-request";
import { handleRoute } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/**
 * Previews one article without writing anything. JSON `{ kind: "paste", text, format?, title?,
 * … }` or `{ kind: "url", url }`, or multipart with a `file` (plus `encoding?`, `repair?`).
 */
export async function POST(request: Request) {
  return handleRoute(async () => {
    // Uploads can be large: who is asking is checked before the body is read.
    const actor = await getActor();
    assertCanImport(actor);
    const { source } = await readImportRequest(request);
    return previewArticle({ actor, source });
  });
}
