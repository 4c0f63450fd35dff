import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor, Visibility } from "@/lib/permissions";
import { readableEntityWhere } from "@/lib/permissions/where";
import { canonicalName } from "@/lib/mentions";
import { AppError } from "@/lib/server/errors";
import { findEntityByKeyAndName, lockEntityName } from "@/lib/server/entities/same-key-entity";

/** Names compare the way a reader would: NFC, collapsed whitespace, any case. */
export function normaliseName(name: string): string {
  return name.normalize("NFC").replace(/\s+/g, " ").trim();
}

/**
 * The canonical entity a mention links to: the given one (which must be of the mention's type and
 * known to the actor), else the entity of that type — by key, in any project's label set — whose name or alias matches the mention (as
 * written or in its canonical form), else a new entity named by its canonical form (canonicalName:
 * "Владимира Путина" → "Владимир Путин"), created by the actor (who alone may see it while no one
 * else can read a mention of it). A shared mention's text joins the entity's aliases, so later mentions find it; a
 * private one never does, or others' tags of those words would reveal whom the actor took them for.
 */
export async function linkEntity(
  tx: Prisma.TransactionClient,
  { actor, entityTypeId, mention, entityId, visibility }: { actor: Actor; entityTypeId: string; mention: string; entityId?: string; visibility: Visibility },
): Promise<string> {
  // "Of that type" is by key, across projects' label sets (see same-key-entity.ts): one entity for all desks.
  const type = await tx.entityType.findUnique({ where: { id: entityTypeId }, select: { id: true, key: true } });
  if (!type) throw new AppError("UNPROCESSABLE", "That entity type does not exist.");
  const name = normaliseName(mention);

  if (entityId) {
    // An entity the actor cannot know of (the one read rule the type-ahead offers by) reads as
    // missing, so that its existence does not leak.
    const entity = await tx.entity.findFirst({ where: { id: entityId, AND: [readableEntityWhere(actor)] }, select: { id: true, name: true, aliases: true, type: { select: { key: true } } } });
    if (!entity) throw new AppError("UNPROCESSABLE", "That entity does not exist.");
    if (entity.type.key !== type.key) throw new AppError("UNPROCESSABLE", "The entity is of another type than the tag.");
    if (visibility === "SHARED") await addAlias(tx, entity, name);
    return entity.id;
  }

  // A new name is proposed in its canonical form ("Владимира Путина" → "Владимир Путин"), so the
  // same person tagged in another case finds it too; its words as written become an alias.
  const canonical = canonicalName(name);
  const names = [...new Set([name.toLowerCase(), canonical.toLowerCase()])];
  const lookup = { key: type.key, names, preferred: canonical.toLowerCase() };
  let match = await findEntityByKeyAndName(tx, lookup);
  if (!match) {
    // Nobody has it yet: hold the name, then look again (another desk may just have made it).
    await lockEntityName(tx, { key: type.key, name: canonical });
    match = await findEntityByKeyAndName(tx, lookup);
  }
  if (match) {
    if (visibility === "SHARED") await shareMentionName(tx, { entityId: match, mention: name });
    return match;
  }
  // Two people may tag the same new name at once: ON CONFLICT lets both end up on one entity,
  // where catching the unique violation would leave this transaction aborted.
  await tx.$executeRaw`
    INSERT INTO "Entity" (id, "typeId", name, aliases, "createdById", "createdAt", "updatedAt")
    VALUES (${randomUUID()}, ${entityTypeId}, ${canonical}, ARRAY[]::text[], ${actor.id}, now(), now())
    ON CONFLICT ("typeId", name) DO NOTHING`;
  const entity = await tx.entity.findUniqueOrThrow({ where: { typeId_name: { typeId: entityTypeId, name: canonical } }, select: { id: true } });
  if (visibility === "SHARED") await shareMentionName(tx, { entityId: entity.id, mention: name });
  return entity.id;
}

/**
 * A mention made Shared publishes its words as one of the entity's names: they join the aliases
 * later tags are matched against (what `linkEntity` does for a mention shared from the start).
 */
export async function shareMentionName(tx: Prisma.TransactionClient, { entityId, mention }: { entityId: string; mention: string }): Promise<void> {
  const entity = await tx.entity.findUnique({ where: { id: entityId }, select: { id: true, name: true, aliases: true } });
  if (entity) await addAlias(tx, entity, normaliseName(mention));
}

async function addAlias(tx: Prisma.TransactionClient, entity: { id: string; name: string; aliases: string[] }, alias: string) {
  const known = [entity.name, ...entity.aliases].some((existing) => existing.toLowerCase() === alias.toLowerCase());
  if (!known) await tx.entity.update({ where: { id: entity.id }, data: { aliases: { push: alias } } });
}
