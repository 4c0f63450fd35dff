import "server-only";
import type { ArticleEventDTO } from "@/lib/annotations/types";
import type { Prisma } from "@/lib/generated/prisma/client";

/** The PostgreSQL channel every instance LISTENs on; payloads carry only ids, readers fetch the event row. */
export const ARTICLE_EVENTS_CHANNEL = "glossa_article_events";

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type NewArticleEvent = DistributiveOmit<ArticleEventDTO, "id">;

/**
 * The end of every statement that records events: given a CTE "event" that inserted
 * ArticleEvent rows `RETURNING "id", "articleId", "audienceId"`, notifies every instance of
 * each (delivered on commit) in the one format the hub reads, and selects their ids.
 */
export const NOTIFY_RECORDED_EVENTS = `
  SELECT "id" FROM "event"
  CROSS JOIN LATERAL (SELECT pg_notify('${ARTICLE_EVENTS_CHANNEL}', json_build_object('id', "id"::text, 'articleId', "articleId", 'audienceId', "audienceId")::text)) AS "notified"`;

/**
 * Records a change in the article's event log and notifies every instance,
 * inside the caller's transaction: NOTIFY is delivered only on commit, so
 * nobody hears of a change that was rolled back. `audienceId` limits a
 * private change to its author. One statement, one round trip.
 */
export async function publishEvent(
  tx: Prisma.TransactionClient,
  articleId: string,
  event: NewArticleEvent,
  audienceId: string | null,
): Promise<bigint> {
  const [row] = await tx.$queryRawUnsafe<{ id: bigint }[]>(
    `WITH "event" AS (
       INSERT INTO "ArticleEvent" ("articleId", "type", "audienceId", "payload")
       VALUES ($1, $2, $3, CAST($4 AS jsonb))
       RETURNING "id", "articleId", "audienceId"
     )${NOTIFY_RECORDED_EVENTS}`,
    articleId,
    event.type,
    audienceId,
    JSON.stringify(event),
  );
  if (!row) throw new Error("The event was not recorded.");
  return row.id;
}

/** Who may receive a change: everyone for shared work, only its author for private work. */
export function audienceOf(visibility: "SHARED" | "PRIVATE", authorId: string): string | null {
  return visibility === "PRIVATE" ? authorId : null;
}
