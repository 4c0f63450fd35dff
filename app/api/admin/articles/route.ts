import { getActor } from "@/lib/server/auth/get-actor";
import { searchArticles } from "@/lib/server/articles/search-articles";
import { handleRoute } from "@/lib/server/route";
import { articleListQuerySchema } from "@/lib/validations/article";

export const dynamic = "force-dynamic";

/** Admin search over articles: `?q=&status=active|archived|all&page=`. */
export async function GET(request: Request) {
  return handleRoute(async () => {
    const query = articleListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    return searchArticles({ actor: await getActor(), ...query });
  });
}
