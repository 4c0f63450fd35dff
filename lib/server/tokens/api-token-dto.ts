import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/** A token as its owner's list shows it: never its secret or hash. */
export interface ApiTokenDTO {
  id: string;
  name: string;
  /** The token's first characters (`glossa_AbC123`), to recognise it. */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export const apiTokenSelect = { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true } satisfies Prisma.ApiTokenSelect;

/** The one mapping from a token row to what the client sees. */
export function toApiTokenDTO(row: Prisma.ApiTokenGetPayload<{ select: typeof apiTokenSelect }>): ApiTokenDTO {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
