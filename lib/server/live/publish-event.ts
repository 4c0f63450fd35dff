import "server-only";
import type { ArticleEventDTO } from "@/lib/annotations/types";
import type { Prisma } from "@/lib/generated/prisma/client";

/** The PostgreSQL channel every instance LISTENs on; payloads carry only ids, readers fetch the event row. */
export const ARTICLE_EVENTS_CHANNEL = "glossa_article_events";

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type NewArticleEvent = DistributiveOmit<ArticleEventDTO, "id">;

/**
 * Records a change in the article's event log and notifies every instance,
 * inside the caller's transaction: NOTIFY is delivered only on commit, so
 * nobody hears of a change that was rolled back. `audienceId` limits a
 * private change to its author.
 */
export async function publishEvent(
  tx: Prisma.TransactionClient,
  articleId: string,
  event: NewArticleEvent,
  audienceId: string | null,
): Promise<bigint> {
  // One statement, one round trip: the row and its notification. The payload carries only ids.
  const [row] = await tx.$queryRaw<{ id: bigint }[]>`
    WITH "event" AS (
      INSERT INTO "ArticleEvent" ("articleId", "type", "audienceId", "payload")
      VALUES (${articleId}, ${event.type}, ${audienceId}, ${JSON.stringify(event)}::jsonb)
      RETURNING "id"
    )
    SELECT "id" FROM "event"
    CROSS JOIN LATERAL (SELECT pg_notify(${ARTICLE_EVENTS_CHANNEL}, json_build_object('id', "id"::text, 'articleId', ${articleId}::text, 'audienceId', ${audienceId}::text)::text)) AS "notified"`;
  if (!row) throw new Error("The event was not recorded.");
  return row.id;
}

/** Who may receive a change: everyone for shared work, only its author for private work. */
export function audienceOf(visibility: "SHARED" | "PRIVATE", authorId: string): string | null {
  return visibility === "PRIVATE" ? authorId : null;
}
