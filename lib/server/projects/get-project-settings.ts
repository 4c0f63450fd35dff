import "server-only";
import { db } from "@/lib/db";
import type { EntityTypeDTO } from "@/lib/annotations/types";
import type { Actor, ProjectRole } from "@/lib/permissions";
import { findManagedProject, type ProjectRecord } from "@/lib/server/projects/find-project";

export interface ProjectMemberRow {
  userId: string;
  name: string;
  email: string;
  role: ProjectRole;
  /** Their annotations in this project's layer (kept when they are removed). */
  annotationCount: number;
}

export interface ProjectEntityType extends EntityTypeDTO {
  description: string;
  /** Tags of this type, whoever made them: deleting a type in use asks where they go. */
  tagCount: number;
}

export interface ProjectSettings {
  project: Omit<ProjectRecord, "facts">;
  members: ProjectMemberRow[];
  entityTypes: ProjectEntityType[];
}

/** What the settings page of a project shows its Manager: the project, its members and its label set. */
export async function getProjectSettings({ actor, slug }: { actor: Actor; slug: string }): Promise<ProjectSettings> {
  const { facts: _facts, ...project } = await findManagedProject(actor, { slug });
  const [members, types, annotationCounts] = await Promise.all([
    db().projectMember.findMany({
      where: { projectId: project.id },
      orderBy: [{ user: { name: "asc" } }, { userId: "asc" }],
      select: { userId: true, role: true, user: { select: { name: true, email: true } } },
    }),
    db().entityType.findMany({
      where: { projectId: project.id },
      orderBy: { position: "asc" },
      select: { id: true, key: true, label: true, color: true, hotkey: true, description: true, _count: { select: { annotations: true } } },
    }),
    db().annotation.groupBy({ by: ["authorId"], where: { projectId: project.id, deletedAt: null }, _count: { _all: true } }),
  ]);
  const countOf = new Map(annotationCounts.map((row) => [row.authorId, row._count._all]));
  return {
    project,
    members: members.map((member) => ({ userId: member.userId, name: member.user.name, email: member.user.email, role: member.role, annotationCount: countOf.get(member.userId) ?? 0 })),
    entityTypes: types.map(({ _count, ...type }) => ({ ...type, tagCount: _count.annotations })),
  };
}
