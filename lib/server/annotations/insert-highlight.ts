import "server-only";
import type { AnnotationDTO } from "@/lib/annotations/types";
import { directPool } from "@/lib/server/direct-pool";
import { NOTIFY_RECORDED_EVENTS } from "@/lib/server/live/publish-event";

/**
 * Stores a new highlight, its `annotation.upserted` event and the notification in one SQL
 * statement (so one round trip and its own transaction), only if its paragraph still belongs
 * to the current revision of an article that is not archived — the conditions the caller
 * checked a moment before. Returns false, writing nothing, if that no longer holds.
 *
 * Creating a highlight is the reader's most frequent write and the one everyone waits on: the
 * general path (an interactive transaction: BEGIN, four statements, COMMIT) costs six round
 * trips where this costs one, through the direct pool (see direct-pool.ts).
 */
export async function insertHighlight(annotation: AnnotationDTO, audienceId: string | null): Promise<boolean> {
  const event = { type: "annotation.upserted", annotation } as const;
  const at = new Date(annotation.createdAt);
  const { rowCount } = await directPool().query(
    `WITH "target" AS (
       SELECT "p"."id" FROM "Paragraph" AS "p" JOIN "Article" AS "a" ON "a"."id" = "p"."articleId"
       WHERE "p"."id" = $3 AND "a"."id" = $2 AND "p"."revision" = "a"."revision" AND "a"."archivedAt" IS NULL
     ), "inserted" AS (
       INSERT INTO "Annotation" ("id", "articleId", "paragraphId", "authorId", "kind", "start", "end", "exact", "prefix", "suffix", "color", "visibility", "version", "createdAt", "updatedAt")
       SELECT $1, $2, "target"."id", $4, 'HIGHLIGHT', $5, $6, $7, $8, $9, $10, CAST($11 AS "Visibility"), 1, $12, $12
       FROM "target"
       RETURNING "id"
     ), "event" AS (
       INSERT INTO "ArticleEvent" ("articleId", "type", "audienceId", "payload")
       SELECT $2, 'annotation.upserted', $13, CAST($14 AS jsonb) FROM "inserted"
       RETURNING "id", "articleId", "audienceId"
     )${NOTIFY_RECORDED_EVENTS}`,
    [
      annotation.id,
      annotation.articleId,
      annotation.paragraphId,
      annotation.author.id,
      annotation.start,
      annotation.end,
      annotation.exact,
      annotation.prefix,
      annotation.suffix,
      annotation.color,
      annotation.visibility,
      at,
      audienceId,
      JSON.stringify(event),
    ],
  );
  return rowCount === 1;
}
