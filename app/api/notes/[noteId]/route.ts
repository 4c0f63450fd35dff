import { deleteNote } from "@/lib/server/notes/delete-note";
import { updateNote } from "@/lib/server/notes/update-note";
import { annotatorRoute, idParams, jsonBody } from "@/lib/server/route";
import { updateNoteSchema } from "@/lib/validations/annotation";

const params = idParams("noteId");

export const PATCH = annotatorRoute({ action: "change notes", params, body: jsonBody(updateNoteSchema) }, async ({ actor, params, body }) =>
  updateNote({ actor, noteId: params.noteId, input: body }),
);

export const DELETE = annotatorRoute({ action: "change notes", params }, async ({ actor, params }) => deleteNote({ actor, noteId: params.noteId }));
