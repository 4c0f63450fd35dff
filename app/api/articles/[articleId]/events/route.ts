import { idParams, readerRoute } from "@/lib/server/route";
import { openArticleFeed } from "@/lib/server/live/open-article-feed";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The article's live feed (Server-Sent Events); see openArticleFeed. */
export const GET = readerRoute({ action: "follow this article", params: idParams("articleId") }, ({ request, actor, sessionId, params }) =>
  openArticleFeed({ request, actor, sessionId, articleId: params.articleId }),
);
