import { idParams, readerRoute } from "@/lib/server/route";
import { setArticleProject } from "@/lib/server/projects/set-article-project";
import { signedIn } from "@/lib/server/projects/signed-in";

export const dynamic = "force-dynamic";

const params = idParams("projectId", "articleId");

/** An admin or Manager adds the article to the project. */
export const PUT = readerRoute({ action: "add articles to projects", params }, async ({ actor, params }) =>
  setArticleProject({ actor: signedIn(actor, "add articles to projects"), projectId: params.projectId, articleId: params.articleId, member: true }),
);

/** An admin or Manager removes the article from the project (its work in that layer is kept). */
export const DELETE = readerRoute({ action: "remove articles from projects", params }, async ({ actor, params }) =>
  setArticleProject({ actor: signedIn(actor, "remove articles from projects"), projectId: params.projectId, articleId: params.articleId, member: false }),
);
