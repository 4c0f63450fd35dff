import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Sessions were ended; every instance closes the live feeds they opened (a reconnect is
 * authorised afresh). Payload: `user:<id>` (all of a user's sessions: the account was disabled)
 * or `session:<id>` (one session signed out).
 */
export const SESSIONS_ENDED_CHANNEL = "glossa_sessions_ended";

export type SessionsEnded = { kind: "user" | "session"; id: string };

/** Reads a notification's payload; null when it is not one of ours. */
export function parseSessionsEnded(payload: string): SessionsEnded | null {
  const match = /^(user|session):(.+)$/s.exec(payload);
  return match ? { kind: match[1] as SessionsEnded["kind"], id: match[2]! } : null;
}

/** Call inside the transaction that deleted a user's sessions: the notification is delivered on commit only. */
export async function announceSessionsEnded(tx: Prisma.TransactionClient, userId: string): Promise<void> {
  await tx.$executeRawUnsafe(`SELECT pg_notify('${SESSIONS_ENDED_CHANNEL}', $1)`, `user:${userId}`);
}

/**
 * One session was deleted (signed out): its feeds in every tab, on every instance, close. Called
 * after the deletion committed; a failure is logged, never turned into a failed sign-out.
 */
export async function announceSessionEnded(sessionId: string): Promise<void> {
  try {
    await db().$executeRawUnsafe(`SELECT pg_notify('${SESSIONS_ENDED_CHANNEL}', $1)`, `session:${sessionId}`);
  } catch (error) {
    console.error("[live] could not announce a signed-out session", error);
  }
}
