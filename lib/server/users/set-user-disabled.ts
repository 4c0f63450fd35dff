import "server-only";
import type { Actor } from "@/lib/permissions";
import { AppError } from "@/lib/server/errors";
import { announceSessionsEnded } from "@/lib/server/live/sessions-ended";
import { administerUser, isLastActiveAdmin, toUpdatedUser, type UpdatedUser, type UserAdministration } from "@/lib/server/users/administer-user";

/**
 * Disables a user (admin only), signing them out everywhere at once, or
 * enables them again. Their annotations and notes stay. An admin cannot
 * disable themselves, and the last active admin cannot be disabled.
 */
export async function setUserDisabled({ actor, userId, disabled }: { actor: Actor | null; userId: string; disabled: boolean }): Promise<UpdatedUser> {
  return administerUser(actor, userId, async (administration) => toUpdatedUser((await applyDisabledChange(administration, disabled)).target));
}

/** The rules and the writes of disabling or enabling, inside an `administerUser` transaction. */
export async function applyDisabledChange(administration: UserAdministration, disabled: boolean): Promise<UserAdministration> {
  const { tx, actor, target, activeAdminIds } = administration;
  if (!disabled) {
    if (!target.disabledAt) return administration;
    await tx.user.update({ where: { id: target.id }, data: { disabledAt: null } });
    const admins = new Set(activeAdminIds);
    if (target.role === "ADMIN") admins.add(target.id);
    return { ...administration, target: { ...target, disabledAt: null }, activeAdminIds: admins };
  }
  if (target.id === actor.id) {
    throw new AppError("UNPROCESSABLE", "You cannot disable your own account. Ask another administrator to do it.");
  }
  if (isLastActiveAdmin(administration)) {
    throw new AppError("CONFLICT", `${target.name} is the last administrator and cannot be disabled.`);
  }
  const disabledAt = target.disabledAt ?? new Date();
  if (!target.disabledAt) await tx.user.update({ where: { id: target.id }, data: { disabledAt } });
  // Deleting the sessions is what signs them out now rather than when a session expires;
  // it runs even when already disabled, in case a session slipped in before.
  await tx.session.deleteMany({ where: { userId: target.id } });
  // Their open live feeds are tied to those sessions: every instance closes them on commit.
  await announceSessionsEnded(tx, target.id);
  const admins = new Set(activeAdminIds);
  admins.delete(target.id);
  return { ...administration, target: { ...target, disabledAt }, activeAdminIds: admins };
}
