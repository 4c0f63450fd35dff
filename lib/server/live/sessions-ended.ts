import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/** A user's sessions were ended (their account was disabled); payload: the user id. Every instance closes that user's live feeds. */
export const SESSIONS_ENDED_CHANNEL = "glossa_sessions_ended";

/** Call inside the transaction that deleted the sessions: the notification is delivered on commit only. */
export async function announceSessionsEnded(tx: Prisma.TransactionClient, userId: string): Promise<void> {
  await tx.$executeRawUnsafe(`SELECT pg_notify('${SESSIONS_ENDED_CHANNEL}', $1)`, userId);
}
