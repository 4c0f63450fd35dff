import "server-only";
import { importPool } from "@/lib/server/direct-pool";

/**
 * Which of `hashes` (content hashes) and `sourceUrls` stored articles already have, for a
 * chunk of a bulk file: one statement on the import pool, both lookups indexed. Run per chunk at
 * upload (the preview's counts) and at import (which articles are plainly new), where Prisma's
 * layer cost more CPU than the lookups themselves (see direct-pool.ts).
 */
export async function findStoredMatches(hashes: string[], sourceUrls: string[]): Promise<{ hashes: Set<string>; sourceUrls: Set<string> }> {
  const found = { hashes: new Set<string>(), sourceUrls: new Set<string>() };
  if (hashes.length === 0 && sourceUrls.length === 0) return found;
  const { rows } = await importPool().query<{ kind: "hash" | "url"; value: string }>(
    `SELECT DISTINCT 'hash' AS "kind", "contentHash" AS "value" FROM "Article" WHERE "contentHash" = ANY($1::text[])
     UNION ALL
     SELECT DISTINCT 'url', "sourceUrl" FROM "Article" WHERE "sourceUrl" = ANY($2::text[])`,
    [hashes, sourceUrls],
  );
  for (const row of rows) (row.kind === "hash" ? found.hashes : found.sourceUrls).add(row.value);
  return found;
}
