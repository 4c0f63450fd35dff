import { idParams, jsonBody, readerRoute } from "@/lib/server/route";
import { signedIn } from "@/lib/server/projects/signed-in";
import { updateProject } from "@/lib/server/projects/update-project";
import { updateProjectSchema } from "@/lib/validations/project";

export const dynamic = "force-dynamic";

/** A Manager changes `{ name?, description?, guidelines?, access?, colorNames? }`. */
export const PATCH = readerRoute({ action: "change this project", params: idParams("projectId"), body: jsonBody(updateProjectSchema) }, async ({ actor, params, body }) =>
  updateProject({ actor: signedIn(actor, "change this project"), projectId: params.projectId, changes: body }),
);
