import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/permissions";
import { annotatesSomewhere } from "@/lib/server/projects/annotates-somewhere";
import { normaliseName } from "@/lib/server/entities/link-entity";
import { findEntityByKeyAndExactName, lockEntityName } from "@/lib/server/entities/same-key-entity";
import { AppError, forbidden, unauthenticated } from "@/lib/server/errors";
import { storableString } from "@/lib/validations/storable";

/** A new entity as typed in the Entity box's create option: its type and the name the user edited. */
export const createEntitySchema = z
  .object({
    typeId: storableString().trim().min(1, "is required").max(64, "is not a valid id"),
    name: storableString().trim().min(1, "must not be empty").max(200, "is too long (200 characters at most)"),
  })
  .strict();

/**
 * Creates an entity under the name the user typed (the canonical name proposed for new words is
 * only a proposal: "Владимир Путин" may be edited to "Владимир Владимирович Путин"), created by
 * the actor, who alone sees it until a tag links to it. A name the type already has answers that
 * entity rather than a twin (names are unique per type key, across projects' label sets: see
 * same-key-entity.ts), as tagging those words would.
 */
export async function createEntity({ actor, input }: { actor: Actor | null; input: unknown }): Promise<{ id: string; name: string }> {
  const data = createEntitySchema.parse(input);
  if (!actor) throw unauthenticated("create entities");
  // A project's Annotator names entities while tagging there, whatever their site role.
  if (!(await annotatesSomewhere(actor))) throw forbidden("Readers cannot annotate: ask an admin for the Annotator role.");
  const name = normaliseName(data.name);
  return db().$transaction(async (tx) => {
    const type = await tx.entityType.findUnique({ where: { id: data.typeId }, select: { id: true, key: true } });
    if (!type) throw new AppError("UNPROCESSABLE", "That entity type does not exist.");
    await lockEntityName(tx, { key: type.key, name });
    const existing = await findEntityByKeyAndExactName(tx, { key: type.key, name });
    if (existing) return existing;
    await tx.$executeRaw`
      INSERT INTO "Entity" (id, "typeId", name, aliases, "createdById", "createdAt", "updatedAt")
      VALUES (${randomUUID()}, ${type.id}, ${name}, ARRAY[]::text[], ${actor.id}, now(), now())
      ON CONFLICT ("typeId", name) DO NOTHING`;
    return tx.entity.findUniqueOrThrow({ where: { typeId_name: { typeId: type.id, name } }, select: { id: true, name: true } });
  });
}
