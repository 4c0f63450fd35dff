import "server-only";
import { db } from "@/lib/db";
import { slugify } from "@/lib/importing";
import { canCreateProject, type Actor } from "@/lib/permissions";
import { DEFAULT_ENTITY_TYPES } from "@/lib/server/entities/ensure-default-entity-types";
import { forbidden } from "@/lib/server/errors";
import type { CreateProjectInput } from "@/lib/validations/project";

/**
 * An admin creates a project: they become its first Manager, and it starts with the default label
 * set (Person, Organisation, Location, Event, Other; hotkeys 1–5) for its Managers to edit. One
 * transaction; the slug is the name's, numbered when taken.
 */
export async function createProject({ actor, input }: { actor: Actor; input: CreateProjectInput }): Promise<{ id: string; slug: string }> {
  if (!canCreateProject(actor)) throw forbidden("Only administrators can create projects.");
  return db().$transaction(async (tx) => {
    const base = slugify(input.name) || "project";
    const taken = new Set((await tx.project.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((row) => row.slug));
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    const project = await tx.project.create({
      data: {
        name: input.name,
        slug,
        description: input.description,
        access: input.access,
        members: { create: { userId: actor.id, role: "MANAGER" } },
        entityTypes: { createMany: { data: DEFAULT_ENTITY_TYPES.map((type, index) => ({ ...type, position: index + 1 })) } },
      },
      select: { id: true, slug: true },
    });
    return project;
  });
}
