import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { canReadLibrary, type Actor } from "@/lib/permissions";
import { readPolicy } from "@/lib/permissions/policy";
import { readableEntityWhere, readableMentionWhere } from "@/lib/permissions/where";
import { visibleAliases } from "@/lib/server/entities/visible-aliases";
import { unauthenticated } from "@/lib/server/errors";

export const searchEntitiesSchema = z.object({
  typeId: z.string().min(1, "typeId is required").max(64),
  q: z.string().max(200).default(""),
});

export interface EntityOption {
  id: string;
  name: string;
  aliases: string[];
  /** Mentions the searcher can read. */
  mentions: number;
}

const RESULTS = 20;
/** Entities ranked by readable mentions are taken from this many matches, most tagged first. */
const CANDIDATES = 200;

/**
 * Type-ahead over the entities of one type the searcher may know of (see `readableEntityWhere`) —
 * the type's key, so an entity first named in another project's label set is offered too (see
 * same-key-entity.ts) —
 * by name or by the words of a mention they can read; most (readably) mentioned first. Names,
 * aliases and counts come from readable mentions only, so a private tag publishes nothing.
 */
export async function searchEntities({ actor, input }: { actor: Actor | null; input: unknown }): Promise<EntityOption[]> {
  const { typeId, q } = searchEntitiesSchema.parse(input);
  if (!canReadLibrary(actor, readPolicy())) throw unauthenticated("search entities");
  const text = q.trim();
  const mention = readableMentionWhere(actor);
  const matches = text
    ? { OR: [{ name: { contains: text, mode: "insensitive" as const } }, { annotations: { some: { ...mention, exact: { contains: text, mode: "insensitive" as const } } } }] }
    : {};
  const type = await db().entityType.findUnique({ where: { id: typeId }, select: { key: true } });
  if (!type) return [];
  const candidates = await db().entity.findMany({
    where: { type: { is: { key: type.key } }, AND: [readableEntityWhere(actor), matches] },
    orderBy: [{ annotations: { _count: "desc" } }, { name: "asc" }],
    take: CANDIDATES,
    select: { id: true, name: true },
  });
  const texts = await db().annotation.groupBy({
    by: ["entityId", "exact"],
    where: { entityId: { in: candidates.map((entity) => entity.id) }, ...mention },
    _count: { _all: true },
    orderBy: [{ entityId: "asc" }, { exact: "asc" }],
  });
  const options = candidates.map((entity) => {
    const own = texts.filter((row) => row.entityId === entity.id);
    return {
      id: entity.id,
      name: entity.name,
      aliases: visibleAliases(entity.name, own.map((row) => row.exact)),
      mentions: own.reduce((sum, row) => sum + row._count._all, 0),
    };
  });
  return options.sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name)).slice(0, RESULTS);
}
