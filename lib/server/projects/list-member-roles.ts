import "server-only";
import { db } from "@/lib/db";
import type { ProjectRole } from "@/lib/permissions";

/** The roles a person holds in projects (each once): whether they annotate anywhere (canAnnotateSomewhere). */
export async function listMemberRoles(userId: string): Promise<ProjectRole[]> {
  const rows = await db().projectMember.findMany({ where: { userId }, select: { role: true }, distinct: ["role"] });
  return rows.map((row) => row.role);
}
