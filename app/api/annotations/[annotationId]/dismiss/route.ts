import { dismissAnnotation } from "@/lib/server/articles/dismiss-annotation";
import { getActor } from "@/lib/server/auth/get-actor";
import { handleRoute } from "@/lib/server/route";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ annotationId: string }> };

/** Dismisses an orphaned annotation from Needs review (kept, never deleted). */
export async function POST(_request: Request, { params }: Context) {
  return handleRoute(async () => dismissAnnotation({ actor: await getActor(), annotationId: (await params).annotationId }));
}
