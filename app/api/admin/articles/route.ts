import { searchArticles } from "@/lib/server/articles/search-articles";
import { adminRoute } from "@/lib/server/route";
import { articleListQuerySchema } from "@/lib/validations/article";

export const dynamic = "force-dynamic";

/** Admin search over articles: `?q=&status=active|archived|all&page=`. */
export const GET = adminRoute({ action: "import and manage articles", query: articleListQuerySchema }, async ({ actor, query }) =>
  searchArticles({ actor, ...query }),
);
