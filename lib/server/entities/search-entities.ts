import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";

export const searchEntitiesSchema = z.object({
  typeId: z.string().min(1, "typeId is required").max(64),
  q: z.string().max(200).default(""),
});

export interface EntityOption {
  id: string;
  name: string;
  aliases: string[];
  mentions: number;
}

/** Type-ahead over entities of one type by name or alias; most mentioned first. */
export async function searchEntities(input: unknown): Promise<EntityOption[]> {
  const { typeId, q } = searchEntitiesSchema.parse(input);
  const term = `%${q.trim().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
  return db().$queryRaw<EntityOption[]>`
    SELECT e.id, e.name, e.aliases, COUNT(a.id)::int AS mentions
    FROM "Entity" e
    LEFT JOIN "Annotation" a ON a."entityId" = e.id AND a."deletedAt" IS NULL AND a.visibility = 'SHARED'
    WHERE e."typeId" = ${typeId}
      AND (e.name ILIKE ${term} OR EXISTS (SELECT 1 FROM unnest(e.aliases) AS alias WHERE alias ILIKE ${term}))
    GROUP BY e.id
    ORDER BY mentions DESC, e.name ASC
    LIMIT 20`;
}
