import { idParams, jsonBody, readerRoute } from "@/lib/server/route";
import { createEntityType } from "@/lib/server/projects/create-entity-type";
import { signedIn } from "@/lib/server/projects/signed-in";
import { entityTypeSchema } from "@/lib/validations/project";

export const dynamic = "force-dynamic";

/** A Manager adds an entity type: `{ label, key, color, hotkey?, description? }`. */
export const POST = readerRoute({ action: "edit labels", params: idParams("projectId"), body: jsonBody(entityTypeSchema), status: 201 }, async ({ actor, params, body }) =>
  createEntityType({ actor: signedIn(actor, "edit labels"), projectId: params.projectId, input: body }),
);
