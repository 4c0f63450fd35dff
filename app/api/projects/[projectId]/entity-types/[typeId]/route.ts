import { idParams, jsonBody, readerRoute } from "@/lib/server/route";
import { deleteEntityType } from "@/lib/server/projects/delete-entity-type";
import { signedIn } from "@/lib/server/projects/signed-in";
import { updateEntityType } from "@/lib/server/projects/update-entity-type";
import { deleteEntityTypeSchema, updateEntityTypeSchema } from "@/lib/validations/project";

export const dynamic = "force-dynamic";

/** A Manager changes a type (rename keeps its tags). */
export const PATCH = readerRoute({ action: "edit labels", params: idParams("projectId", "typeId"), body: jsonBody(updateEntityTypeSchema) }, async ({ actor, params, body }) =>
  updateEntityType({ actor: signedIn(actor, "edit labels"), projectId: params.projectId, typeId: params.typeId, changes: body }),
);

/** A Manager deletes a type; one in use needs `?moveTo=<typeId>` (409 names how many tags otherwise). */
export const DELETE = readerRoute({ action: "edit labels", params: idParams("projectId", "typeId"), query: deleteEntityTypeSchema }, async ({ actor, params, query }) =>
  deleteEntityType({ actor: signedIn(actor, "edit labels"), projectId: params.projectId, typeId: params.typeId, moveTo: query.moveTo }),
);
