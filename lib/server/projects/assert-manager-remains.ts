import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/server/errors";

/**
 * Refuses (409) to take the last Manager away from a project, so someone besides the admins can
 * still run it. Locks the project's Manager rows so two Managers demoting each other at once cannot both pass.
 */
export async function assertManagerRemains(tx: Prisma.TransactionClient, projectId: string, leavingUserId: string): Promise<void> {
  const managers = await tx.$queryRaw<{ userId: string }[]>`
    SELECT "userId" FROM "ProjectMember" WHERE "projectId" = ${projectId} AND "role" = 'MANAGER' FOR UPDATE`;
  if (managers.every((manager) => manager.userId === leavingUserId)) {
    throw new AppError("CONFLICT", "A project needs at least one Manager: make someone else Manager first.");
  }
}
