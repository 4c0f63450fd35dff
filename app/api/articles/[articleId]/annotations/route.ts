import { getActor } from "@/lib/server/auth/get-actor";
import { createAnnotation } from "@/lib/server/annotations/create-annotation";
import { listArticleAnnotations } from "@/lib/server/annotations/list-article-annotations";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { notFound, unauthenticated } from "@/lib/server/errors";
import { handleRoute, readJson } from "@/lib/server/route";

type Context = { params: Promise<{ articleId: string }> };

export async function GET(_request: Request, { params }: Context) {
  return handleRoute(async () => {
    const { articleId } = await params;
    const actor = await getActor();
    if (!actor && config().GLOSSA_REQUIRE_SIGN_IN) throw unauthenticated("read this article");
    const article = await db().article.findUnique({ where: { id: articleId }, select: { revision: true } });
    if (!article) throw notFound("The article");
    return listArticleAnnotations({ actorId: actor?.id ?? null, articleId, revision: article.revision });
  });
}

export async function POST(request: Request, { params }: Context) {
  return handleRoute(async () => createAnnotation({ actor: await getActor(), articleId: (await params).articleId, input: await readJson(request) }), 201);
}
