import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { NOTIFY_RECORDED_EVENTS } from "@/lib/server/live/publish-event";

/**
 * Tells the readers of every article in the project, over the live feed, that its label set
 * changed (a type added, renamed, recoloured, given another hotkey or deleted): one
 * `labels.changed` event per article, in the caller's transaction (heard only on commit), in one
 * statement. Readers on that project's layer reload the Tag entity menu and their tags' labels.
 */
export async function publishLabelsChanged(tx: Prisma.TransactionClient, projectId: string): Promise<void> {
  await tx.$queryRawUnsafe(
    `WITH "event" AS (
       INSERT INTO "ArticleEvent" ("articleId", "type", "audienceId", "payload")
       SELECT "ap"."articleId", 'labels.changed', NULL, jsonb_build_object('type', 'labels.changed', 'projectId', "ap"."projectId")
         FROM "ArticleProject" AS "ap" WHERE "ap"."projectId" = $1
       RETURNING "id", "articleId", "audienceId"
     )${NOTIFY_RECORDED_EVENTS}`,
    projectId,
  );
}
