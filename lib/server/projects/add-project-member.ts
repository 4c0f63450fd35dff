import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/permissions";
import { AppError, notFound } from "@/lib/server/errors";
import { findManagedProject } from "@/lib/server/projects/find-project";
import type { AddMemberInput } from "@/lib/validations/project";

/** A Manager adds someone with an account, by email, with a project role; 409 when they already are a member. */
export async function addProjectMember({ actor, projectId, input }: { actor: Actor; projectId: string; input: AddMemberInput }) {
  return db().$transaction(async (tx) => {
    await findManagedProject(actor, { id: projectId }, tx);
    const user = await tx.user.findUnique({ where: { email: input.email }, select: { id: true, name: true, email: true } });
    if (!user) throw notFound(`An account with the email ${input.email}`);
    const existing = await tx.projectMember.findUnique({ where: { projectId_userId: { projectId, userId: user.id } }, select: { role: true } });
    if (existing) throw new AppError("CONFLICT", `${user.name} is already a member of this project.`);
    await tx.projectMember.create({ data: { projectId, userId: user.id, role: input.role } });
    return { userId: user.id, name: user.name, email: user.email, role: input.role };
  });
}
