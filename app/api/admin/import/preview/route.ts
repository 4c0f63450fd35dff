import { previewArticle } from "@/lib/server/import/preview-article";
import { importRequestBody } from "@/lib/server/import/read-import-request";
import { adminRoute } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/**
 * Previews one article without writing anything. JSON `{ kind: "paste", text, format?, title?,
 * … }` or `{ kind: "url", url }`, or multipart with a `file` (plus `encoding?`, `repair?`).
 */
export const POST = adminRoute({ action: "import and manage articles", body: importRequestBody }, async ({ actor, body: { source } }) =>
  previewArticle({ actor, source }),
);
