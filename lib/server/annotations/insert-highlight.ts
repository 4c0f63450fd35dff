import "server-only";
import type { AnnotationDTO } from "@/lib/annotations/types";
import { db } from "@/lib/db";
import { ARTICLE_EVENTS_CHANNEL } from "@/lib/server/live/publish-event";

/**
 * Stores a new highlight, its `annotation.upserted` event and the notification in one SQL
 * statement (so one round trip and its own transaction), only if its paragraph still belongs
 * to the current revision of an article that is not archived — the conditions the caller
 * checked a moment before. Returns false, writing nothing, if that no longer holds.
 *
 * Creating a highlight is the reader's most frequent write and the one everyone waits on: the
 * general path (an interactive transaction: BEGIN, four statements, COMMIT) costs six round
 * trips where this costs one.
 */
export async function insertHighlight(annotation: AnnotationDTO, audienceId: string | null): Promise<boolean> {
  const event = { type: "annotation.upserted", annotation } as const;
  const at = new Date(annotation.createdAt);
  const rows = await db().$queryRaw<{ id: bigint }[]>`
    WITH "target" AS (
      SELECT "p"."id" FROM "Paragraph" AS "p" JOIN "Article" AS "a" ON "a"."id" = "p"."articleId"
      WHERE "p"."id" = ${annotation.paragraphId} AND "a"."id" = ${annotation.articleId}
        AND "p"."revision" = "a"."revision" AND "a"."archivedAt" IS NULL
    ), "inserted" AS (
      INSERT INTO "Annotation" ("id", "articleId", "paragraphId", "authorId", "kind", "start", "end", "exact", "prefix", "suffix", "color", "visibility", "version", "createdAt", "updatedAt")
      SELECT ${annotation.id}, ${annotation.articleId}, "target"."id", ${annotation.author.id}, 'HIGHLIGHT', ${annotation.start}, ${annotation.end},
             ${annotation.exact}, ${annotation.prefix}, ${annotation.suffix}, ${annotation.color}, CAST(${annotation.visibility} AS "Visibility"), 1, ${at}, ${at}
      FROM "target"
      RETURNING "id"
    ), "event" AS (
      INSERT INTO "ArticleEvent" ("articleId", "type", "audienceId", "payload")
      SELECT ${annotation.articleId}, ${event.type}, ${audienceId}, CAST(${JSON.stringify(event)} AS jsonb) FROM "inserted"
      RETURNING "id"
    )
    SELECT "id" FROM "event"
    CROSS JOIN LATERAL (SELECT pg_notify(${ARTICLE_EVENTS_CHANNEL}, json_build_object('id', "id"::text, 'articleId', ${annotation.articleId}::text, 'audienceId', ${audienceId}::text)::text)) AS "notified"`;
  return rows.length === 1;
}
