import { getActor } from "@/lib/server/auth/get-actor";
import { deleteNote } from "@/lib/server/notes/delete-note";
import { updateNote } from "@/lib/server/notes/update-note";
import { handleRoute, readJson } from "@/lib/server/route";

type Context = { params: Promise<{ noteId: string }> };

export async function PATCH(request: Request, { params }: Context) {
  return handleRoute(async () => updateNote({ actor: await getActor(), noteId: (await params).noteId, input: await readJson(request) }));
}

export async function DELETE(_request: Request, { params }: Context) {
  return handleRoute(async () => deleteNote({ actor: await getActor(), noteId: (await params).noteId }));
}
