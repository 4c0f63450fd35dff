import { adminRoute, idParams, jsonBody } from "@/lib/server/route";
import { updateUser } from "@/lib/server/users/update-user";
import { updateUserSchema } from "@/lib/validations/user";

export const dynamic = "force-dynamic";

/** An admin changes a user's role and/or disables or enables them: `{ role?, disabled? }`. */
export const PATCH = adminRoute({ action: "manage users", params: idParams("userId"), body: jsonBody(updateUserSchema) }, async ({ actor, params, body }) =>
  updateUser({ actor, userId: params.userId, changes: body }),
);
