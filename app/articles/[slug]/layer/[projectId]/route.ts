import { articleLayerParams, openArticleInLayer } from "@/lib/server/projects/open-article-in-layer";
import { readerRoute } from "@/lib/server/route";

// A link that opens an article in one project layer (search hits on that layer's work).
export const GET = readerRoute({ action: "read this article", params: articleLayerParams }, async ({ actor, params }) =>
  openArticleInLayer({ actor, slug: params.slug, projectId: params.projectId }),
);
