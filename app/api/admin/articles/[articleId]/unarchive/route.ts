import { getActor } from "@/lib/server/auth/get-actor";
import { setArticleArchived } from "@/lib/server/articles/set-article-archived";
import { handleRoute } from "@/lib/server/route";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ articleId: string }> };

/** Brings an archived article back to the library. */
export async function POST(_request: Request, { params }: Context) {
  return handleRoute(async () => setArticleArchived({ actor: await getActor(), articleId: (await params).articleId, archived: false }));
}
