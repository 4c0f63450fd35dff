import { idParams, jsonBody, readerRoute } from "@/lib/server/route";
import { addProjectMember } from "@/lib/server/projects/add-project-member";
import { signedIn } from "@/lib/server/projects/signed-in";
import { addMemberSchema } from "@/lib/validations/project";

export const dynamic = "force-dynamic";

/** A Manager adds a member by email: `{ email, role }`. */
export const POST = readerRoute({ action: "add members", params: idParams("projectId"), body: jsonBody(addMemberSchema), status: 201 }, async ({ actor, params, body }) =>
  addProjectMember({ actor: signedIn(actor, "add members"), projectId: params.projectId, input: body }),
);
