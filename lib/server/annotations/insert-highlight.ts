import "server-only";
import type { AnnotationDTO } from "@/lib/annotations/types";
import { LOCKED_PARAGRAPH_SQL } from "@/lib/server/annotations/load-paragraph-for-write";
import { directPool } from "@/lib/server/direct-pool";
import { NOTIFY_RECORDED_EVENTS } from "@/lib/server/live/publish-event";

/**
 * Stores a new highlight, its `annotation.upserted` event and the notification in one SQL
 * statement (so one round trip and its own transaction), only if its paragraph still belongs
 * to the current revision of an article that is not archived — the conditions the caller
 * checked a moment before, read again through LOCKED_PARAGRAPH_SQL, so a re-import under way
 * is waited for. Returns false, writing nothing, if they no longer hold.
 *
 * Creating a highlight is the reader's most frequent write and the one everyone waits on: the
 * general path (an interactive transaction: BEGIN, four statements, COMMIT) costs six round
 * trips where this costs one, through the direct pool (see direct-pool.ts).
 */
export async function insertHighlight(annotation: AnnotationDTO, audienceId: string | null, projectId: string | null = null): Promise<boolean> {
  const event = { type: "annotation.upserted", annotation } as const;
  const at = new Date(annotation.createdAt);
  const { rowCount } = await directPool().query(
    `WITH "target" AS (${LOCKED_PARAGRAPH_SQL}
     ), "inserted" AS (
       INSERT INTO "Annotation" ("id", "articleId", "paragraphId", "authorId", "kind", "start", "end", "exact", "prefix", "suffix", "color", "visibility", "version", "createdAt", "updatedAt", "projectId")
       SELECT $3, $1, "target"."id", $4, 'HIGHLIGHT', $5, $6, $7, $8, $9, $10, CAST($11 AS "Visibility"), 1, $12, $12, $15::text
       FROM "target" WHERE "target"."writable"
       RETURNING "id"
     ), "event" AS (
       INSERT INTO "ArticleEvent" ("articleId", "type", "audienceId", "payload")
       SELECT $1, 'annotation.upserted', $13, CAST($14 AS jsonb) FROM "inserted"
       RETURNING "id", "articleId", "audienceId"
     )${NOTIFY_RECORDED_EVENTS}`,
    [
      annotation.articleId,
      annotation.paragraphId,
      annotation.id,
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
      // The project layer (resolveWriteLayer): its rules were checked by the caller.
      projectId,
    ],
  );
  return rowCount === 1;
}
