import { getActor } from "@/lib/server/auth/get-actor";
import { createNote } from "@/lib/server/notes/create-note";
import { handleRoute, readJson } from "@/lib/server/route";

export async function POST(request: Request, { params }: { params: Promise<{ articleId: string }> }) {
  return handleRoute(async () => createNote({ actor: await getActor(), articleId: (await params).articleId, input: await readJson(request) }), 201);
}
