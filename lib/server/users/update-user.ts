import "server-only";
import type { Actor } from "@/lib/permissions";
import type { UpdateUserInput } from "@/lib/validations/user";
import { administerUser, toUpdatedUser, type UpdatedUser } from "@/lib/server/users/administer-user";
import { applyRoleChange } from "@/lib/server/users/change-user-role";
import { applyDisabledChange } from "@/lib/server/users/set-user-disabled";

/**
 * An admin's change to a user, as `PATCH /api/admin/users/[userId]` sends it:
 * a role, disabling or enabling, or both, all in one transaction, so that a
 * refused half leaves the other half unwritten.
 */
export async function updateUser({ actor, userId, changes }: { actor: Actor | null; userId: string; changes: UpdateUserInput }): Promise<UpdatedUser> {
  return administerUser(actor, userId, async (administration) => {
    let state = administration;
    if (changes.role !== undefined) state = await applyRoleChange(state, changes.role);
    if (changes.disabled !== undefined) state = await applyDisabledChange(state, changes.disabled);
    return toUpdatedUser(state.target);
  });
}
