import { getActor } from "@/lib/server/auth/get-actor";
import { restoreAnnotation } from "@/lib/server/annotations/restore-annotation";
import { handleRoute } from "@/lib/server/route";

export async function POST(_request: Request, { params }: { params: Promise<{ annotationId: string }> }) {
  return handleRoute(async () => restoreAnnotation({ actor: await getActor(), annotationId: (await params).annotationId }));
}
