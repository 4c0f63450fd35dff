import "server-only";
import { db } from "@/lib/db";
import type { Actor, ProjectRole } from "@/lib/permissions";
import { notFound } from "@/lib/server/errors";
import { assertManagerRemains } from "@/lib/server/projects/assert-manager-remains";
import { findManagedProject } from "@/lib/server/projects/find-project";

/** A Manager changes a member's project role; the project keeps at least one Manager. */
export async function setProjectMemberRole({ actor, projectId, userId, role }: { actor: Actor; projectId: string; userId: string; role: ProjectRole }) {
  return db().$transaction(async (tx) => {
    await findManagedProject(actor, { id: projectId }, tx);
    const member = await tx.projectMember.findUnique({ where: { projectId_userId: { projectId, userId } }, select: { role: true } });
    if (!member) throw notFound("The member");
    if (member.role === "MANAGER" && role !== "MANAGER") await assertManagerRemains(tx, projectId, userId);
    await tx.projectMember.update({ where: { projectId_userId: { projectId, userId } }, data: { role } });
    return { userId, role };
  });
}
