import "server-only";
import { db } from "@/lib/db";
import { readableWorkWhere } from "@/lib/permissions/where";
import type { Actor, Role } from "@/lib/permissions";
import { assertCanManageUsers } from "@/lib/server/users/administer-user";

export interface UserListItem {
  id: string;
  name: string;
  email: string;
  role: Role;
  color: string;
  createdAt: Date;
  disabledAt: Date | null;
  /** Annotations they made that are not deleted. */
  annotationCount: number;
}

/** Every account, newest first, for the admin users page (admin only). */
export async function listUsers({ actor }: { actor: Actor | null }): Promise<UserListItem[]> {
  assertCanManageUsers(actor);
  const users = await db().user.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      color: true,
      createdAt: true,
      disabledAt: true,
      // Only what this admin can read: someone's private work is not theirs to count.
      _count: { select: { annotations: { where: readableWorkWhere(actor) } } },
    },
  });
  return users.map(({ _count, ...user }) => ({ ...user, annotationCount: _count.annotations }));
}
