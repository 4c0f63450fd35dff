import { openArticleFeed } from "@/lib/server/live/open-article-feed";
import { handleRoute } from "@/lib/server/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ articleId: string }> };

/** The article's live feed (Server-Sent Events); see openArticleFeed. */
export async function GET(request: Request, { params }: Context) {
  try {
    return await openArticleFeed(request, (await params).articleId);
  } catch (error) {
    // Refused before streaming: one place maps failures to status codes and JSON.
    return handleRoute(() => Promise.reject(error));
  }
}
