import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/permissions";
import { AppError, unauthenticated } from "@/lib/server/errors";
import { newTokenSecret } from "@/lib/server/tokens/token-secret";
import { apiTokenSelect, toApiTokenDTO, type ApiTokenDTO } from "@/lib/server/tokens/api-token-dto";
import { createApiTokenSchema } from "@/lib/validations/api-token";

/** The most live tokens one person may hold: enough for every script and client, few enough to review. */
export const MAX_TOKENS_PER_USER = 20;

/**
 * Makes a personal API token for the signed-in user. The secret is returned here only, once; the
 * database keeps its SHA-256.
 */
export async function createApiToken({ actor, input }: { actor: Actor | null; input: unknown }): Promise<{ token: string; record: ApiTokenDTO }> {
  const { name } = createApiTokenSchema.parse(input);
  if (!actor) throw unauthenticated("create API tokens");
  const secret = newTokenSecret();
  return db().$transaction(async (tx) => {
    // Serialises one user's creations, so two at once cannot both pass the count.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`api-tokens:${actor.id}`}))`;
    const live = await tx.apiToken.count({ where: { userId: actor.id, revokedAt: null } });
    if (live >= MAX_TOKENS_PER_USER) throw new AppError("CONFLICT", `You have ${MAX_TOKENS_PER_USER} tokens already: revoke one you no longer use first.`);
    const row = await tx.apiToken.create({ data: { userId: actor.id, name, prefix: secret.shown, tokenHash: secret.hash }, select: apiTokenSelect });
    return { token: secret.token, record: toApiTokenDTO(row) };
  });
}
