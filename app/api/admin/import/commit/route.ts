import { commitArticle } from "@/lib/server/import/commit-article";
import { importRequestBody } from "@/lib/server/import/read-import-request";
import { adminRoute } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/**
 * Imports one article in its own transaction: the preview's body plus `target`
 * (`{ mode: "auto" | "new" }` or `{ mode: "replace", articleId }`), `expectedHash` and `project` (an id: the
 * project it goes into, else the default project).
 * Answers `{ status: "created" | "revised" | "unchanged", articleId, slug, title, report? }`.
 */
export const POST = adminRoute({ action: "import and manage articles", body: importRequestBody }, async ({ actor, body: { source, target, expectedHash, project } }) =>
  commitArticle({ actor, source, target, expectedHash, projectId: project }),
);
