-- The entities around each speaker's quotes for /insights (issue 15): region Quotes by speaker
-- found, at read time, every paragraph quoting one of the top speakers and then every tag in those
-- paragraphs (the page's slowest section after co-occurrence moved to InsightPair). It is now kept
-- like the other rollups, in the writer's transaction: per article day (the period), layer, speaker
-- and entity, the sum over the layer's paragraphs quoting that speaker (a shared, live, placed
-- quote) of that entity's shared, live, placed tags there (a paragraph counts once per speaker,
-- every tag in it counts; the speaker's own tags do not). A paragraph is counted per layer: where a
-- viewer reads two layers of an article (or their own private work, or may not open it),
-- lib/server/insights/count-quotes-by-speaker.ts corrects it live, as co-occurrence does.

CREATE TABLE "InsightSpeakerEntity" (
  "key" TEXT NOT NULL,
  "articleDay" TIMESTAMP(3) NOT NULL,
  "projectId" TEXT,
  "speakerId" TEXT NOT NULL,
  "entityId" TEXT NOT NULL,
  "count" INTEGER NOT NULL,
  CONSTRAINT "InsightSpeakerEntity_pkey" PRIMARY KEY ("key")
);
-- A page reads the top speakers' rows (a few of every speaker's).
CREATE INDEX "InsightSpeakerEntity_speakerId_idx" ON "InsightSpeakerEntity"("speakerId");

/**
 * The statements that keep InsightSpeakerEntity after InsightMention took the counted annotations
 * of `source` (rows as in "glossa_insight_sql"). A paragraph's count depends on its other tags and
 * quotes, not only on the rows written, so:
 * 1. the (article, layer) rows of InsightArticle touched by a tag or a quote are locked, in key
 *    order, before any other lock of the pairs' (a superset of theirs, so the pairs' own lock then
 *    waits for nothing and two writers cannot take them in opposite orders): a concurrent writer
 *    on the same article and layer waits until this one commits, and the next statement (a new
 *    snapshot) sees its tags and quotes;
 * 2. per paragraph and layer touched, each speaker's quotes and each entity's tags before (now
 *    minus what `source` adds) and after (now, InsightMention already holding this write), and the
 *    paragraph's contribution after minus before.
 */
CREATE FUNCTION "glossa_insight_speaker_sql"(source text) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT ARRAY[format($q$
    SELECT 1 FROM "InsightArticle" AS c
     WHERE c."key" IN (SELECT concat_ws('|', s."articleId", coalesce(s."projectId", '')) FROM (%s) AS s
                        WHERE "glossa_insight_counts"(s."visibility", s."deletedAt", s."anchorStatus") AND (s."entityId" IS NOT NULL OR s."speakerId" IS NOT NULL))
     ORDER BY c."key" FOR UPDATE
  $q$, source), format($q$
    WITH "delta" AS (
      SELECT s."articleDay" AS "day", s."paragraphId", coalesce(s."projectId", '') AS "layer", coalesce(s."entityId", '') AS "entityId", coalesce(s."speakerId", '') AS "speakerId", sum(s."sign")::int AS "n"
        FROM (%s) AS s
       WHERE "glossa_insight_counts"(s."visibility", s."deletedAt", s."anchorStatus") AND (s."entityId" IS NOT NULL OR s."speakerId" IS NOT NULL)
       GROUP BY 1, 2, 3, 4, 5
    ), "touched" AS (
      SELECT DISTINCT "day", "paragraphId", "layer" FROM "delta"
    ), "now" AS (
      SELECT m."articleDay" AS "day", m."paragraphId", coalesce(m."projectId", '') AS "layer", coalesce(m."entityId", '') AS "entityId", coalesce(m."speakerId", '') AS "speakerId", sum(m."count")::int AS "n"
        FROM "InsightMention" AS m
        JOIN "touched" AS t ON t."paragraphId" = m."paragraphId" AND t."day" = m."articleDay" AND t."layer" = coalesce(m."projectId", '')
       GROUP BY 1, 2, 3, 4, 5
    ), "states" AS (
      SELECT coalesce(w."day", d."day") AS "day", coalesce(w."paragraphId", d."paragraphId") AS "paragraphId", coalesce(w."layer", d."layer") AS "layer",
             coalesce(w."entityId", d."entityId") AS "entityId", coalesce(w."speakerId", d."speakerId") AS "speakerId",
             coalesce(w."n", 0) - coalesce(d."n", 0) AS "before", coalesce(w."n", 0) AS "after"
        FROM "now" AS w
        FULL JOIN "delta" AS d ON d."day" = w."day" AND d."paragraphId" = w."paragraphId" AND d."layer" = w."layer" AND d."entityId" = w."entityId" AND d."speakerId" = w."speakerId"
    ), "quotes" AS (
      SELECT "day", "paragraphId", "layer", "speakerId", sum("before") > 0 AS "was", sum("after") > 0 AS "is"
        FROM "states" WHERE "speakerId" <> '' GROUP BY 1, 2, 3, 4
    ), "tags" AS (
      SELECT "day", "paragraphId", "layer", "entityId", sum("before") AS "before", sum("after") AS "after"
        FROM "states" WHERE "entityId" <> '' GROUP BY 1, 2, 3, 4
    ), "changes" AS (
      SELECT q."day", q."layer", q."speakerId", t."entityId", (CASE WHEN q."is" THEN t."after" ELSE 0 END) - (CASE WHEN q."was" THEN t."before" ELSE 0 END) AS "n"
        FROM "quotes" AS q
        JOIN "tags" AS t ON t."day" = q."day" AND t."paragraphId" = q."paragraphId" AND t."layer" = q."layer" AND t."entityId" <> q."speakerId"
    )
    INSERT INTO "InsightSpeakerEntity" AS t ("key", "articleDay", "projectId", "speakerId", "entityId", "count")
    SELECT concat_ws('|', c."day", c."layer", c."speakerId", c."entityId") AS "key", c."day", nullif(c."layer", ''), c."speakerId", c."entityId", sum(c."n")::int
      FROM "changes" AS c
     GROUP BY 1, 2, 3, 4, 5
    HAVING sum(c."n") <> 0
     ORDER BY 1
    ON CONFLICT ("key") DO UPDATE SET "count" = t."count" + EXCLUDED."count"
  $q$, source)]
$$;

-- The triggers run "glossa_insight_sql": the totals, the lock above, the pairs', then the speakers' count.
CREATE OR REPLACE FUNCTION "glossa_insight_sql"(source text) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT "glossa_insight_totals_sql"(source) || ("glossa_insight_speaker_sql"(source))[1:1] || "glossa_insight_pair_sql"(source) || ("glossa_insight_speaker_sql"(source))[2:2]
$$;

-- The work already there: every counted annotation as this write's, over an empty table (before =
-- InsightMention minus all of it = nothing). The lock statement is skipped: nobody writes yet.
DO $$
BEGIN
  EXECUTE ("glossa_insight_speaker_sql"($s$SELECT a.*, date_trunc('day', coalesce(ar."publishedAt", ar."createdAt")) AS "articleDay", 1 AS "sign" FROM "Annotation" AS a JOIN "Article" AS ar ON ar."id" = a."articleId"$s$))[2];
END
$$;
