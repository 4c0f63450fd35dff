import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/permissions";
import { unauthenticated } from "@/lib/server/errors";
import { apiTokenSelect, toApiTokenDTO, type ApiTokenDTO } from "@/lib/server/tokens/api-token-dto";

/** The signed-in user's own tokens, newest first, revoked ones included (marked) so the history stays visible. */
export async function listApiTokens({ actor }: { actor: Actor | null }): Promise<ApiTokenDTO[]> {
  if (!actor) throw unauthenticated("see your API tokens");
  const rows = await db().apiToken.findMany({ where: { userId: actor.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: apiTokenSelect, take: 200 });
  return rows.map(toApiTokenDTO);
}
