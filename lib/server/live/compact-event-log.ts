import "server-only";
import { db } from "@/lib/db";

/**
 * Keeps the live feed's log (ArticleEvent) from growing forever without
 * breaking resume by Last-Event-ID:
 *
 * - An event superseded by a newer one about the same annotation or note
 *   (or an older revision of the article) is deleted: a catch-up sends the
 *   current row for the newest event anyway, so a cursor before or between
 *   them loses nothing.
 * - Events older than the retention window are deleted, except each
 *   article's newest (the cursor a freshly loaded page starts from), and the
 *   highest deleted id is kept per article in ArticleEventPrune: a feed
 *   resuming from below it may have missed one, so it gets a reset (refetch).
 *
 * Events younger than SETTLE_MINUTES are left alone: live delivery may still
 * be reading them. One instance compacts at a time (a transaction-level
 * advisory lock); the others skip that round.
 */
export const RETENTION_DAYS = 30;
const SETTLE_MINUTES = 10;
const EVERY_MS = 60 * 60_000;
const FIRST_AFTER_MS = 60_000;
/** Arbitrary constant: the advisory lock key of compaction (migrate.ts uses another). */
export const COMPACTION_LOCK_KEY = 7_412_903_118;
/** Rows deleted per statement, so one round never holds locks for long. */
const DELETE_BATCH = 10_000;

/** The type's subject ("annotation", "note", "article") and the id of the thing it is about: events with the same key supersede each other. */
const EVENT_KEY = `split_part(type, '.', 1), COALESCE(payload->'annotation'->>'id', payload->>'annotationId', payload->'note'->>'id', payload->>'noteId', '')`;

export interface CompactionResult {
  /** False when another instance held the lock. */
  ran: boolean;
  superseded: number;
  expired: number;
}

/**
 * One round of compaction (the windows are parameters for tests). createdAt is compared with
 * LOCALTIMESTAMP: it holds the database session's local time, as its column default wrote it.
 */
export async function compactEventLog({ retentionDays = RETENTION_DAYS, settleMinutes = SETTLE_MINUTES } = {}): Promise<CompactionResult> {
  return db().$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRawUnsafe<{ locked: boolean }[]>(`SELECT pg_try_advisory_xact_lock($1::bigint) AS locked`, COMPACTION_LOCK_KEY);
      if (!lock?.locked) return { ran: false, superseded: 0, expired: 0 };
      const superseded = await tx.$executeRawUnsafe(
        `DELETE FROM "ArticleEvent" e USING (
           SELECT id FROM (
             SELECT id, row_number() OVER (PARTITION BY "articleId", ${EVENT_KEY} ORDER BY id DESC) AS rank
               FROM "ArticleEvent" WHERE "createdAt" < LOCALTIMESTAMP - make_interval(mins => $1::int)
           ) ranked
           WHERE rank > 1 ORDER BY id LIMIT ${DELETE_BATCH}
         ) stale
         WHERE e.id = stale.id`,
        settleMinutes,
      );
      const expired = await tx.$executeRawUnsafe(
        `WITH old AS (
           SELECT e.id FROM "ArticleEvent" e
            WHERE e."createdAt" < LOCALTIMESTAMP - make_interval(days => $1::int)
              AND e.id < (SELECT max(newest.id) FROM "ArticleEvent" newest WHERE newest."articleId" = e."articleId")
            ORDER BY e.id LIMIT ${DELETE_BATCH}
         ), gone AS (
           DELETE FROM "ArticleEvent" e USING old WHERE e.id = old.id RETURNING e.id, e."articleId"
         )
         INSERT INTO "ArticleEventPrune" ("articleId", "prunedThrough")
         SELECT "articleId", max(id) FROM gone GROUP BY "articleId"
         ON CONFLICT ("articleId") DO UPDATE SET "prunedThrough" = GREATEST("ArticleEventPrune"."prunedThrough", EXCLUDED."prunedThrough")`,
        retentionDays,
      );
      return { ran: true, superseded, expired };
    },
    { timeout: 60_000 },
  );
}

/** The highest event id of this article that compaction deleted for age (0: none); a cursor below it resets. */
export async function prunedThrough(articleId: string): Promise<bigint> {
  const row = await db().articleEventPrune.findUnique({ where: { articleId }, select: { prunedThrough: true } });
  return row?.prunedThrough ?? BigInt(0);
}

const scheduled = globalThis as unknown as { glossaEventLogCompaction?: NodeJS.Timeout };

/** Compacts a minute after the first live feed opens, then hourly; never keeps the process alive, never throws. */
export function scheduleEventLogCompaction(): void {
  if (scheduled.glossaEventLogCompaction) return;
  const run = () =>
    compactEventLog().catch((error: unknown) => console.error("[live] compacting the event log failed:", error instanceof Error ? error.message : error));
  scheduled.glossaEventLogCompaction = setInterval(run, EVERY_MS);
  scheduled.glossaEventLogCompaction.unref();
  setTimeout(run, FIRST_AFTER_MS).unref();
}
