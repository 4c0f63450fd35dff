import "server-only";
import { db } from "@/lib/db";

/** Presence changes are announced here (payload: the article id); they are never stored as ArticleEvents. */
export const PRESENCE_CHANNEL = "glossa_presence";

/** A reader whose connection has not been refreshed for this long is no longer shown. */
export const PRESENCE_TTL_SECONDS = 45;

// Presence.lastSeenAt is a timestamp without time zone holding UTC (as Prisma writes it): always compare in UTC.
const NOW_UTC = "(now() AT TIME ZONE 'UTC')";

/** Records an open live connection of a signed-in reader and tells every instance. */
export async function joinPresence({ connectionId, articleId, userId }: { connectionId: string; articleId: string; userId: string }): Promise<void> {
  await db().$executeRawUnsafe(
    `WITH joined AS (
       INSERT INTO "Presence" ("connectionId", "articleId", "userId", "lastSeenAt") VALUES ($1, $2, $3, ${NOW_UTC})
       ON CONFLICT ("connectionId") DO UPDATE SET "lastSeenAt" = EXCLUDED."lastSeenAt"
       RETURNING "articleId")
     SELECT pg_notify('${PRESENCE_CHANNEL}', "articleId") FROM joined`,
    connectionId,
    articleId,
    userId,
  );
}

/** Forgets a closed connection and tells every instance. */
export async function leavePresence(connectionId: string): Promise<void> {
  await db().$executeRawUnsafe(
    `WITH gone AS (DELETE FROM "Presence" WHERE "connectionId" = $1 RETURNING "articleId")
     SELECT pg_notify('${PRESENCE_CHANNEL}', "articleId") FROM gone`,
    connectionId,
  );
}

/**
 * Heartbeat of this instance's connections: refreshes them (re-creating rows
 * someone removed) and deletes rows long abandoned by crashed instances.
 */
export async function touchPresence(connections: { connectionId: string; articleId: string; userId: string }[]): Promise<void> {
  if (connections.length > 0) {
    await db().$executeRawUnsafe(
      `INSERT INTO "Presence" ("connectionId", "articleId", "userId", "lastSeenAt")
       SELECT c, a, u, ${NOW_UTC} FROM unnest($1::text[], $2::text[], $3::text[]) AS t(c, a, u)
       ON CONFLICT ("connectionId") DO UPDATE SET "lastSeenAt" = EXCLUDED."lastSeenAt"`,
      connections.map((connection) => connection.connectionId),
      connections.map((connection) => connection.articleId),
      connections.map((connection) => connection.userId),
    );
  }
  await db().$executeRawUnsafe(`DELETE FROM "Presence" WHERE "lastSeenAt" < ${NOW_UTC} - interval '10 minutes'`);
}

/** SQL (for the hub's own connection, parameter $1 = article id): who is reading now, one row per user. */
export const READERS_SQL = `
  SELECT u.id, u.name, u.color FROM "user" u
   WHERE u."disabledAt" IS NULL
     AND u.id IN (SELECT "userId" FROM "Presence"
                   WHERE "articleId" = $1 AND "lastSeenAt" > ${NOW_UTC} - interval '${PRESENCE_TTL_SECONDS} seconds')
   ORDER BY lower(u.name), u.id`;
