import { reattachAnnotation } from "@/lib/server/articles/reattach-annotation";
import { getActor } from "@/lib/server/auth/get-actor";
import { handleRoute, readJson } from "@/lib/server/route";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ annotationId: string }> };

/** Re-attaches an orphaned annotation: `{ paragraphId, start, end, exact, prefix, suffix }` on the current text. */
export async function POST(request: Request, { params }: Context) {
  return handleRoute(async () => reattachAnnotation({ actor: await getActor(), annotationId: (await params).annotationId, input: await readJson(request) }));
}
