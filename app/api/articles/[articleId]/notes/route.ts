import { createNote } from "@/lib/server/notes/create-note";
import { annotatorRoute, idParams, jsonBody } from "@/lib/server/route";
import { createNoteSchema } from "@/lib/validations/annotation";

export const POST = annotatorRoute(
  { action: "write notes", params: idParams("articleId"), body: jsonBody(createNoteSchema), status: 201 },
  async ({ actor, params, body }) => createNote({ actor, articleId: params.articleId, input: body }),
);
