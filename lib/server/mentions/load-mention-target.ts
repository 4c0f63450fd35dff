import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { MentionTarget } from "@/lib/mentions";
import { canReadSignedIn, type Actor } from "@/lib/permissions";
import { readableMentionWhere } from "@/lib/permissions/where";
import { mentionsOfEntity } from "@/lib/server/annotations/annotation-dto";
import { visibleAliases } from "@/lib/server/entities/visible-aliases";
import { notFound } from "@/lib/server/errors";

export interface LoadedMentionTarget {
  id: string;
  name: string;
  typeId: string;
  /** Its type's key: what identifies the type across projects' label sets. */
  typeKey: string;
  target: MentionTarget;
}

/**
 * An entity whose mentions the actor looks for, with the names to look for: its name and the words
 * of the mentions the actor may read (never the stored aliases, which hold words of mentions since
 * made private or deleted: looking for those would reveal them). 404 when missing or unknown to the
 * actor, alike.
 */
export async function loadMentionTarget(tx: Prisma.TransactionClient, actor: Actor, entityId: string): Promise<LoadedMentionTarget> {
  const entity = await tx.entity.findUnique({ where: { id: entityId }, select: { id: true, name: true, typeId: true, createdById: true, type: { select: { key: true } } } });
  const mentions = entity ? await tx.annotation.findMany({ where: { AND: [mentionsOfEntity(entityId), readableMentionWhere(actor)] }, select: { exact: true }, distinct: ["exact"] }) : [];
  if (!entity || !canReadSignedIn(actor, { type: "entity", createdById: entity.createdById, readableMentions: mentions.length })) throw notFound("The entity");
  return {
    id: entity.id,
    name: entity.name,
    typeId: entity.typeId,
    typeKey: entity.type.key,
    target: { name: entity.name, aliases: visibleAliases(entity.name, mentions.map((mention) => mention.exact)), person: entity.type.key === "PER" },
  };
}
