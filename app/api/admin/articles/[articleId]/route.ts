import { getAdminArticle } from "@/lib/server/articles/get-admin-article";
import { updateArticle } from "@/lib/server/articles/update-article";
import { adminRoute, idParams, jsonBody } from "@/lib/server/route";
import { updateArticleSchema } from "@/lib/validations/article";

export const dynamic = "force-dynamic";

const params = idParams("articleId");

export const GET = adminRoute({ action: "import and manage articles", params }, async ({ actor, params }) =>
  getAdminArticle({ actor, articleId: params.articleId }),
);

/** Edits metadata: `{ title, language, source?, sourceUrl?, author?, publishedAt? }` (blank clears). */
export const PATCH = adminRoute({ action: "import and manage articles", params, body: jsonBody(updateArticleSchema) }, async ({ actor, params, body }) =>
  updateArticle({ actor, articleId: params.articleId, input: body }),
);
