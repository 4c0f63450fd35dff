import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/server/errors";

/** Names compare the way a reader would: NFC, collapsed whitespace, any case. */
export function normaliseName(name: string): string {
  return name.normalize("NFC").replace(/\s+/g, " ").trim();
}

/**
 * The canonical entity a mention links to: the given one (which must be of
 * the mention's type), else the entity of that type whose name or alias
 * matches the mention, else a new entity named by it. The mention's text
 * joins the entity's aliases, so later mentions find it.
 */
export async function linkEntity(
  tx: Prisma.TransactionClient,
  { entityTypeId, mention, entityId }: { entityTypeId: string; mention: string; entityId?: string },
): Promise<string> {
  const type = await tx.entityType.findUnique({ where: { id: entityTypeId }, select: { id: true } });
  if (!type) throw new AppError("UNPROCESSABLE", "That entity type does not exist.");
  const name = normaliseName(mention);

  if (entityId) {
    const entity = await tx.entity.findUnique({ where: { id: entityId }, select: { id: true, typeId: true, name: true, aliases: true } });
    if (!entity) throw new AppError("UNPROCESSABLE", "That entity does not exist.");
    if (entity.typeId !== entityTypeId) throw new AppError("UNPROCESSABLE", "The entity is of another type than the tag.");
    await addAlias(tx, entity, name);
    return entity.id;
  }

  const [match] = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Entity"
    WHERE "typeId" = ${entityTypeId}
      AND (lower(name) = lower(${name}) OR EXISTS (SELECT 1 FROM unnest(aliases) AS alias WHERE lower(alias) = lower(${name})))
    ORDER BY "createdAt" LIMIT 1`;
  if (match) return match.id;
  // Two people may tag the same new name at once: ON CONFLICT lets both end up on one entity,
  // where catching the unique violation would leave this transaction aborted.
  await tx.$executeRaw`
    INSERT INTO "Entity" (id, "typeId", name, aliases, "createdAt", "updatedAt")
    VALUES (${randomUUID()}, ${entityTypeId}, ${name}, ARRAY[]::text[], now(), now())
    ON CONFLICT ("typeId", name) DO NOTHING`;
  const entity = await tx.entity.findUniqueOrThrow({ where: { typeId_name: { typeId: entityTypeId, name } }, select: { id: true } });
  return entity.id;
}

async function addAlias(tx: Prisma.TransactionClient, entity: { id: string; name: string; aliases: string[] }, alias: string) {
  const known = [entity.name, ...entity.aliases].some((existing) => existing.toLowerCase() === alias.toLowerCase());
  if (!known) await tx.entity.update({ where: { id: entity.id }, data: { aliases: { push: alias } } });
}
