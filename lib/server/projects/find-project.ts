import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { canRead, canWrite, type Actor, type ProjectFacts } from "@/lib/permissions";
import { readPolicy } from "@/lib/permissions/policy";
import { projectFacts, projectFactsSelect } from "@/lib/permissions/where";
import { forbidden, notFound } from "@/lib/server/errors";

export interface ProjectRecord {
  id: string;
  name: string;
  slug: string;
  description: string;
  guidelines: string;
  access: "OPEN" | "CLOSED";
  colorNames: Prisma.JsonValue;
  /** The project as the rules see it for the actor who asked. */
  facts: ProjectFacts;
}

type Client = Prisma.TransactionClient | ReturnType<typeof db>;

/**
 * A project the actor may read, by slug or id: 404 otherwise, the same answer as for a project
 * that does not exist (a Closed project is never hinted at).
 */
export async function findProject(actor: Actor | null, by: { slug: string } | { id: string }, client: Client = db()): Promise<ProjectRecord> {
  const row = await client.project.findUnique({
    where: "slug" in by ? { slug: by.slug } : { id: by.id },
    select: { id: true, name: true, slug: true, description: true, guidelines: true, colorNames: true, ...projectFactsSelect(actor) },
  });
  const facts = row && projectFacts(row);
  if (!row || !facts || !canRead(actor, { type: "project", project: facts }, readPolicy())) throw notFound("The project");
  const { members: _members, ...project } = row;
  return { ...project, facts };
}

/** A project the actor manages (its Managers, admins): 404 when they may not read it, 403 when they only may read it. */
export async function findManagedProject(actor: Actor, by: { slug: string } | { id: string }, client: Client = db()): Promise<ProjectRecord> {
  const project = await findProject(actor, by, client);
  if (!canWrite(actor, { type: "project", project: project.facts })) throw forbidden("Only the project's Managers and administrators can change it.");
  return project;
}
