import "server-only";
import { db } from "@/lib/db";
import type { PresenceReader } from "@/lib/live/protocol";

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
export async function touchPresence(connections: PresenceConnection[]): Promise<void> {
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

/** A connection shown in presence: one open feed of a signed-in reader. */
export interface PresenceConnection {
  connectionId: string;
  articleId: string;
  userId: string;
}

/** Where a presence list goes: the subscribers of one article, each remembering the list it was sent last. */
export interface PresenceAudience {
  presenceKey: string | undefined;
  sink: { presence(readers: PresenceReader[]): void };
}

/**
 * The "Reading now" lists this instance serves: recomputed when any instance
 * announces a change (or on the heartbeat, for readers of crashed instances
 * that expire silently), sent to each subscriber only when it changed.
 * Refreshes of one article never overlap; one asked for meanwhile runs once more.
 */
export class PresenceBoard {
  private runs = new Map<string, boolean>();

  constructor(
    private readonly readReaders: (articleId: string) => Promise<PresenceReader[]>,
    private readonly audienceOf: (articleId: string) => Iterable<PresenceAudience>,
    private readonly connectionUp: () => boolean,
  ) {}

  async refresh(articleId: string): Promise<void> {
    if (this.runs.has(articleId)) {
      this.runs.set(articleId, true);
      return;
    }
    this.runs.set(articleId, false);
    try {
      do {
        this.runs.set(articleId, false);
        const readers = await this.readReaders(articleId);
        const key = JSON.stringify(readers);
        for (const subscriber of this.audienceOf(articleId)) {
          if (subscriber.presenceKey === key) continue;
          subscriber.presenceKey = key;
          subscriber.sink.presence(readers);
        }
      } while (this.runs.get(articleId) === true);
    } catch (error) {
      if (this.connectionUp()) console.error("[live] reading presence failed", error);
    } finally {
      this.runs.delete(articleId);
    }
  }

  /** The heartbeat: keeps this instance's connections fresh, then recomputes every list it serves. */
  async beat(connections: PresenceConnection[], articleIds: Iterable<string>): Promise<void> {
    try {
      await touchPresence(connections);
    } catch (error) {
      console.error("[live] presence heartbeat failed", error instanceof Error ? error.message : error);
    }
    if (this.connectionUp()) for (const articleId of articleIds) void this.refresh(articleId);
  }
}
