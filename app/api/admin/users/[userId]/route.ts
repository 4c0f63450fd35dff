import { getActor } from "@/lib/server/auth/get-actor";
import { handleRoute, readJson } from "@/lib/server/route";
import { updateUser } from "@/lib/server/users/update-user";
import { updateUserSchema } from "@/lib/validations/user";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ userId: string }> };

/** An admin changes a user's role and/or disables or enables them: `{ role?, disabled? }`. */
export async function PATCH(request: Request, { params }: Context) {
  return handleRoute(async () => {
    const changes = updateUserSchema.parse(await readJson(request));
    const { userId } = await params;
    return updateUser({ actor: await getActor(), userId, changes });
  });
}
