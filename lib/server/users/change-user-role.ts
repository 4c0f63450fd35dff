import "server-only";
import type { Actor, Role } from "@/lib/permissions";
import { AppError } from "@/lib/server/errors";
import { administerUser, isLastActiveAdmin, toUpdatedUser, type UpdatedUser, type UserAdministration } from "@/lib/server/users/administer-user";

/** Gives a user another role (admin only). An admin cannot change their own role, and the last admin stays one. */
export async function changeUserRole({ actor, userId, role }: { actor: Actor | null; userId: string; role: Role }): Promise<UpdatedUser> {
  return administerUser(actor, userId, async (administration) => toUpdatedUser((await applyRoleChange(administration, role)).target));
}

/**
 * The rules and the write of a role change, inside an `administerUser`
 * transaction; returns the administration as it stands afterwards, so that
 * a further step (see update-user.ts) checks against the new state.
 */
export async function applyRoleChange(administration: UserAdministration, role: Role): Promise<UserAdministration> {
  const { tx, actor, target, activeAdminIds } = administration;
  if (target.role === role) return administration;
  if (target.id === actor.id) {
    throw new AppError("UNPROCESSABLE", "You cannot change your own role. Ask another administrator to do it.");
  }
  if (role !== "ADMIN" && isLastActiveAdmin(administration)) {
    throw new AppError("CONFLICT", `${target.name} is the last administrator. Make someone else an administrator first.`);
  }
  await tx.user.update({ where: { id: target.id }, data: { role } });
  const admins = new Set(activeAdminIds);
  if (role === "ADMIN" && !target.disabledAt) admins.add(target.id);
  else admins.delete(target.id);
  return { ...administration, target: { ...target, role }, activeAdminIds: admins };
}
