import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/permissions";
import { notFound, unauthenticated } from "@/lib/server/errors";
import { apiTokenSelect, toApiTokenDTO, type ApiTokenDTO } from "@/lib/server/tokens/api-token-dto";

/**
 * Revokes one of the user's own tokens: it stops working at once (every request looks it up).
 * Someone else's token answers 404, as an unknown one does, so ids reveal nothing. Revoking twice
 * keeps the first revocation time.
 */
export async function revokeApiToken({ actor, tokenId }: { actor: Actor | null; tokenId: string }): Promise<ApiTokenDTO> {
  if (!actor) throw unauthenticated("revoke API tokens");
  await db().apiToken.updateMany({ where: { id: tokenId, userId: actor.id, revokedAt: null }, data: { revokedAt: new Date() } });
  const row = await db().apiToken.findFirst({ where: { id: tokenId, userId: actor.id }, select: apiTokenSelect });
  if (!row) throw notFound("This API token");
  return toApiTokenDTO(row);
}
