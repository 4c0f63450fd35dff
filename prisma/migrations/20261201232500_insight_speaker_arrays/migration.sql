-- InsightSpeakerEntity's statements (migration 20261201223000_insight_speaker_entities) cross each
-- paragraph's speakers and tags as arrays instead of joining the quotes to the tags: inside the
-- trigger the planner guessed one row for the write and made that join a nested loop over every
-- pair of a bulk write's quotes and tags (a 10,000-quote insert spent ~8 minutes in it; now ~4 s
-- on a loaded machine). Same counts: the rollup needs no rebuild. The triggers call this function
-- through "glossa_insight_sql", unchanged.

/**
 * The statements that keep InsightSpeakerEntity after InsightMention took the counted annotations
 * of `source` (rows as in "glossa_insight_sql"). A paragraph's count depends on its other tags and
 * quotes, not only on the rows written, so:
 * 1. the (article, layer) rows of InsightArticle touched by a tag or a quote are locked, in key
 *    order, before any other lock of the pairs' (a superset of theirs, so the pairs' own lock then
 *    waits for nothing and two writers cannot take them in opposite orders): a concurrent writer
 *    on the same article and layer waits until this one commits, and the next statement (a new
 *    snapshot) sees its tags and quotes;
 * 2. per paragraph and layer touched, the speakers quoted and each entity's tags before (now minus
 *    what `source` adds) and after (now, InsightMention already holding this write), and the
 *    paragraph's contribution after minus before.
 */
CREATE OR REPLACE FUNCTION "glossa_insight_speaker_sql"(source text) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
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
    ), "paragraphs" AS (
      -- Each paragraph's speakers (before, after) and tags as arrays, crossed within the paragraph
      -- below: no join of quotes to tags, which the planner (guessing one row for the write) made a
      -- nested loop over every pair of a bulk write's quotes and tags.
      SELECT "day", "layer",
             array_agg("speakerId") FILTER (WHERE "speakerId" <> '' AND "before" > 0) AS "was",
             array_agg("speakerId") FILTER (WHERE "speakerId" <> '' AND "after" > 0) AS "is",
             array_agg("entityId") FILTER (WHERE "entityId" <> '') AS "entities",
             array_agg("before") FILTER (WHERE "entityId" <> '') AS "before",
             array_agg("after") FILTER (WHERE "entityId" <> '') AS "after"
        FROM "states" GROUP BY "day", "paragraphId", "layer"
    ), "changes" AS (
      SELECT p."day", p."layer", s."speakerId", e."entityId", e."n"
        FROM "paragraphs" AS p, unnest(p."is") AS s("speakerId"), unnest(p."entities", p."after") AS e("entityId", "n")
       WHERE e."entityId" <> s."speakerId"
      UNION ALL
      SELECT p."day", p."layer", s."speakerId", e."entityId", -e."n"
        FROM "paragraphs" AS p, unnest(p."was") AS s("speakerId"), unnest(p."entities", p."before") AS e("entityId", "n")
       WHERE e."entityId" <> s."speakerId"
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
