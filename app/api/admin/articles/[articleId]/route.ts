import { getActor } from "@/lib/server/auth/get-actor";
import { getAdminArticle } from "@/lib/server/articles/get-admin-article";
import { updateArticle } from "@/lib/server/articles/update-article";
import { handleRoute, readJson } from "@/lib/server/route";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ articleId: string }> };

export async function GET(_request: Request, { params }: Context) {
  return handleRoute(async () => getAdminArticle({ actor: await getActor(), articleId: (await params).articleId }));
}

/** Edits metadata: `{ title, language, source?, sourceUrl?, author?, publishedAt? }` (blank clears). */
export async function PATCH(request: Request, { params }: Context) {
  return handleRoute(async () => updateArticle({ actor: await getActor(), articleId: (await params).articleId, input: await readJson(request) }));
}
