import { getActor } from "@/lib/server/auth/get-actor";
import { deleteAnnotation } from "@/lib/server/annotations/delete-annotation";
import { updateAnnotation } from "@/lib/server/annotations/update-annotation";
import { handleRoute, readJson } from "@/lib/server/route";

type Context = { params: Promise<{ annotationId: string }> };

export async function PATCH(request: Request, { params }: Context) {
  return handleRoute(async () => updateAnnotation({ actor: await getActor(), annotationId: (await params).annotationId, input: await readJson(request) }));
}

export async function DELETE(_request: Request, { params }: Context) {
  return handleRoute(async () => deleteAnnotation({ actor: await getActor(), annotationId: (await params).annotationId }));
}
