import { idParams, jsonBody, readerRoute } from "@/lib/server/route";
import { removeProjectMember } from "@/lib/server/projects/remove-project-member";
import { setProjectMemberRole } from "@/lib/server/projects/set-project-member-role";
import { signedIn } from "@/lib/server/projects/signed-in";
import { setMemberRoleSchema } from "@/lib/validations/project";

export const dynamic = "force-dynamic";

/** A Manager changes a member's project role: `{ role }`. */
export const PATCH = readerRoute({ action: "change members", params: idParams("projectId", "userId"), body: jsonBody(setMemberRoleSchema) }, async ({ actor, params, body }) =>
  setProjectMemberRole({ actor: signedIn(actor, "change members"), projectId: params.projectId, userId: params.userId, role: body.role }),
);

/** A Manager removes a member; their work stays. */
export const DELETE = readerRoute({ action: "remove members", params: idParams("projectId", "userId") }, async ({ actor, params }) =>
  removeProjectMember({ actor: signedIn(actor, "remove members"), projectId: params.projectId, userId: params.userId }),
);
