import { setArticleArchived } from "@/lib/server/articles/set-article-archived";
import { adminRoute, idParams } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** Brings an archived article back to the library. */
export const POST = adminRoute({ action: "import and manage articles", params: idParams("articleId") }, async ({ actor, params }) =>
  setArticleArchived({ actor, articleId: params.articleId, archived: false }),
);
