import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/*
 * An entity is one thing across projects' label sets: it is identified by its type's **key** and its
 * name, not by one project's type row. Two projects whose types share a key (PER labelled "Person" in
 * one, "Персона" in another) link mentions to the same canonical entity; types with different keys
 * stay apart. The entity row keeps the type it was first made under (`typeId`, guarded by the unique
 * index on typeId and name); across projects, creators of one (key, name) are serialised with a
 * transaction-scoped advisory lock (`lockEntityName`), so two desks naming the same new person at
 * once still end up on one entity.
 */

/**
 * The entity whose type has `key` and whose name or one of whose aliases is one of `names` (lower
 * case), preferring one named exactly `preferred` (lower case), then the oldest; null when none.
 */
export async function findEntityByKeyAndName(tx: Prisma.TransactionClient, { key, names, preferred }: { key: string; names: readonly string[]; preferred: string }): Promise<string | null> {
  const [match] = await tx.$queryRaw<{ id: string }[]>`
    SELECT "e".id FROM "Entity" AS "e" JOIN "EntityType" AS "t" ON "t".id = "e"."typeId"
    WHERE "t".key = ${key}
      AND (lower("e".name) = ANY(${[...names]}::text[]) OR EXISTS (SELECT 1 FROM unnest("e".aliases) AS alias WHERE lower(alias) = ANY(${[...names]}::text[])))
    ORDER BY lower("e".name) = ${preferred} DESC, "e"."createdAt" LIMIT 1`;
  return match?.id ?? null;
}

/** The entity whose type has `key` and whose name is exactly `name` (the unique name, not an alias), or null. */
export async function findEntityByKeyAndExactName(tx: Prisma.TransactionClient, { key, name }: { key: string; name: string }): Promise<{ id: string; name: string } | null> {
  return tx.entity.findFirst({ where: { name, type: { is: { key } } }, orderBy: { createdAt: "asc" }, select: { id: true, name: true } });
}

/**
 * Waits until no other transaction may be creating the entity (key, name) and holds that right until
 * this transaction ends: call it after a lookup found nothing, then look again before inserting.
 */
export async function lockEntityName(tx: Prisma.TransactionClient, { key, name }: { key: string; name: string }): Promise<void> {
  await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtextextended(${`entity\u001f${key}\u001f${name.toLowerCase()}`}, 0))) AS "lock"`;
}
