import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isAdmin, type Actor, type Role } from "@/lib/permissions";
import { forbidden, notFound, unauthenticated } from "@/lib/server/errors";

export const ONLY_ADMINS_MESSAGE = "Only administrators can manage users.";

/** The account an admin is changing, as the rules need it. */
export interface ManagedUser {
  id: string;
  name: string;
  role: Role;
  disabledAt: Date | null;
}

/** What a user-administration step sees: its transaction, who acts, on whom, and which admins are active right now. */
export interface UserAdministration {
  tx: Prisma.TransactionClient;
  actor: Actor;
  target: ManagedUser;
  activeAdminIds: ReadonlySet<string>;
}

/** Throws 401 for anonymous visitors and 403 for anyone but an admin. */
export function assertCanManageUsers(actor: Actor | null): asserts actor is Actor {
  if (!actor) throw unauthenticated("manage users");
  if (!isAdmin(actor)) throw forbidden(ONLY_ADMINS_MESSAGE);
}

/**
 * Runs `work` in one transaction that first locks every admin row. Two admins
 * demoting or disabling each other at the same moment would otherwise both
 * pass their checks and leave Glossa with no admin: with the lock the second
 * one waits, then finds it is no longer an admin. The actor is re-checked
 * inside the transaction for the same reason.
 */
export async function administerUser<T>(
  actor: Actor | null,
  userId: string,
  work: (administration: UserAdministration) => Promise<T>,
): Promise<T> {
  assertCanManageUsers(actor);
  return db().$transaction(async (tx) => {
    const admins = await tx.$queryRaw<{ id: string; disabledAt: Date | null }[]>`
      SELECT id, "disabledAt" FROM "user" WHERE role = 'ADMIN' ORDER BY id FOR UPDATE`;
    const activeAdminIds = new Set(admins.filter((admin) => !admin.disabledAt).map((admin) => admin.id));
    if (!activeAdminIds.has(actor.id)) throw forbidden(ONLY_ADMINS_MESSAGE);
    const target = await tx.user.findUnique({ where: { id: userId }, select: { id: true, name: true, role: true, disabledAt: true } });
    if (!target) throw notFound("That user");
    return work({ tx, actor, target, activeAdminIds });
  });
}

/** What the user-administration use cases answer. */
export interface UpdatedUser {
  id: string;
  role: Role;
  disabled: boolean;
}

export function toUpdatedUser(target: ManagedUser): UpdatedUser {
  return { id: target.id, role: target.role, disabled: target.disabledAt !== null };
}

/** True when `target` is the only active admin left, so taking away its role or access would leave none. */
export function isLastActiveAdmin({ target, activeAdminIds }: Pick<UserAdministration, "target" | "activeAdminIds">): boolean {
  return activeAdminIds.has(target.id) && activeAdminIds.size === 1;
}
