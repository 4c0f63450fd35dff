import { getArticleText } from "@/lib/server/articles/get-article-text";
import { getActor } from "@/lib/server/auth/get-actor";
import { handleRoute } from "@/lib/server/route";

type Context = { params: Promise<{ articleId: string }> };

/** `?revision=&after=&limit=`: the reader's next stretch of paragraphs with their annotations and notes. */
export async function GET(request: Request, { params }: Context) {
  return handleRoute(async () => {
    const query = Object.fromEntries(new URL(request.url).searchParams);
    return getArticleText({ actor: await getActor(), articleId: (await params).articleId, query });
  });
}
