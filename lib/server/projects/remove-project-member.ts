import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/permissions";
import { notFound } from "@/lib/server/errors";
import { announceSessionsEnded } from "@/lib/server/live/sessions-ended";
import { assertManagerRemains } from "@/lib/server/projects/assert-manager-remains";
import { findManagedProject } from "@/lib/server/projects/find-project";

/**
 * A Manager removes a member. Their annotations and notes stay, attributed to them; from the next
 * read on, a Closed project's articles and layer are a 404 to them (the read rules check membership
 * on every read and every live event), and their open live feeds close at once, on every instance,
 * when the removal commits (the channel that closes a signed-out user's feeds): a reconnect is
 * authorised afresh, so the project's articles then answer 404 and the others carry on.
 */
export async function removeProjectMember({ actor, projectId, userId }: { actor: Actor; projectId: string; userId: string }) {
  return db().$transaction(async (tx) => {
    await findManagedProject(actor, { id: projectId }, tx);
    const member = await tx.projectMember.findUnique({ where: { projectId_userId: { projectId, userId } }, select: { role: true } });
    if (!member) throw notFound("The member");
    if (member.role === "MANAGER") await assertManagerRemains(tx, projectId, userId);
    await tx.projectMember.delete({ where: { projectId_userId: { projectId, userId } } });
    await announceSessionsEnded(tx, userId);
    return { userId };
  });
}
