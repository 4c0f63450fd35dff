-- Co-occurrence pairs for /insights (issue 15): the network counted, per pair of entities, the
-- paragraphs (or articles) tagging both by grouping every readable tag of the library at read time
-- (the page's slowest section). The pairs are now kept like the other rollups, in the writer's
-- transaction: per article day (the period), layer, scope ('paragraph' or 'article') and pair
-- (source < target, byte-wise as JavaScript compares ids), the number of groups in which that
-- layer's shared, live, placed tags name both entities. A group is counted per layer: a paragraph
-- tagged in two layers a viewer may read (or with their own private tags, or on an article they may
-- not open) is corrected live by lib/server/insights/count-cooccurrences.ts.

CREATE TABLE "InsightPair" (
  "key" TEXT NOT NULL,
  "articleDay" TIMESTAMP(3) NOT NULL,
  "projectId" TEXT,
  "scope" TEXT NOT NULL,
  "source" TEXT NOT NULL,
  "target" TEXT NOT NULL,
  "count" INTEGER NOT NULL,
  CONSTRAINT "InsightPair_pkey" PRIMARY KEY ("key")
);
CREATE INDEX "InsightPair_scope_articleDay_idx" ON "InsightPair"("scope", "articleDay");
-- The articles a page corrects live read their mentions by article.
CREATE INDEX "InsightMention_articleId_idx" ON "InsightMention"("articleId");

/**
 * The statements that keep InsightPair after InsightMention took the counted annotations of
 * `source` (rows as in "glossa_insight_sql"). Whether a pair shares a group depends on the group's
 * other tags, not only on the rows written, so:
 * 1. the (article, layer) rows of InsightArticle touched are locked, in key order, in a statement
 *    of their own: a concurrent writer on the same article and layer waits until this one commits,
 *    and the next statement (a new snapshot) sees its tags;
 * 2. per group touched, each entity's tags before (now minus what `source` adds) and after (now,
 *    InsightMention already holding this write), and the pairs present after minus those present
 *    before, only pairs with an entity whose presence changed.
 */
CREATE FUNCTION "glossa_insight_pair_sql"(source text) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT ARRAY[format($q$
    SELECT 1 FROM "InsightArticle" AS c
     WHERE c."key" IN (SELECT concat_ws('|', s."articleId", coalesce(s."projectId", '')) FROM (%s) AS s
                        WHERE "glossa_insight_counts"(s."visibility", s."deletedAt", s."anchorStatus") AND s."entityId" IS NOT NULL)
     ORDER BY c."key" FOR UPDATE
  $q$, source), format($q$
    WITH "delta" AS (
      SELECT s."articleDay" AS "day", s."articleId", s."paragraphId", coalesce(s."projectId", '') AS "layer", s."entityId", sum(s."sign")::int AS "n"
        FROM (%s) AS s
       WHERE "glossa_insight_counts"(s."visibility", s."deletedAt", s."anchorStatus") AND s."entityId" IS NOT NULL
       GROUP BY 1, 2, 3, 4, 5
    ), "touched" AS (
      SELECT DISTINCT "day", "articleId", "layer" FROM "delta"
    ), "now" AS (
      SELECT m."articleDay" AS "day", m."articleId", m."paragraphId", coalesce(m."projectId", '') AS "layer", m."entityId", sum(m."count")::int AS "n"
        FROM "InsightMention" AS m
        JOIN "touched" AS t ON t."day" = m."articleDay" AND t."articleId" = m."articleId" AND t."layer" = coalesce(m."projectId", '')
       WHERE m."entityId" IS NOT NULL
       GROUP BY 1, 2, 3, 4, 5
    ), "states" AS (
      SELECT coalesce(w."day", d."day") AS "day", coalesce(w."articleId", d."articleId") AS "articleId", coalesce(w."paragraphId", d."paragraphId") AS "paragraphId",
             coalesce(w."layer", d."layer") AS "layer", coalesce(w."entityId", d."entityId") AS "entityId",
             coalesce(w."n", 0) - coalesce(d."n", 0) AS "before", coalesce(w."n", 0) AS "after"
        FROM "now" AS w
        FULL JOIN "delta" AS d ON d."day" = w."day" AND d."paragraphId" = w."paragraphId" AND d."layer" = w."layer" AND d."entityId" = w."entityId"
    ), "members" AS (
      SELECT "day", "layer", 'paragraph' AS "scope", "paragraphId" AS "grp", "entityId", "before" > 0 AS "was", "after" > 0 AS "is" FROM "states"
      UNION ALL
      SELECT "day", "layer", 'article', "articleId", "entityId", sum("before") > 0, sum("after") > 0 FROM "states" GROUP BY 1, 2, 3, 4, 5
    ), "pairs" AS (
      SELECT x."day", x."layer", x."scope", x."entityId" AS "source", y."entityId" AS "target", (x."is" AND y."is")::int - (x."was" AND y."was")::int AS "n"
        FROM "members" AS x
        JOIN "members" AS y ON y."scope" = x."scope" AND y."grp" = x."grp" AND y."day" = x."day" AND y."layer" = x."layer" AND x."entityId" COLLATE "C" < y."entityId" COLLATE "C"
       WHERE x."is" <> x."was" OR y."is" <> y."was"
    )
    INSERT INTO "InsightPair" AS t ("key", "articleDay", "projectId", "scope", "source", "target", "count")
    SELECT concat_ws('|', p."day", p."layer", p."scope", p."source", p."target") AS "key", p."day", nullif(p."layer", ''), p."scope", p."source", p."target", sum(p."n")::int
      FROM "pairs" AS p
     GROUP BY 1, 2, 3, 4, 5, 6
    HAVING sum(p."n") <> 0
     ORDER BY 1
    ON CONFLICT ("key") DO UPDATE SET "count" = t."count" + EXCLUDED."count"
  $q$, source)]
$$;

-- The triggers run "glossa_insight_sql": the earlier statements (renamed, unchanged), then the pairs'.
ALTER FUNCTION "glossa_insight_sql"(text) RENAME TO "glossa_insight_totals_sql";
CREATE FUNCTION "glossa_insight_sql"(source text) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT "glossa_insight_totals_sql"(source) || "glossa_insight_pair_sql"(source)
$$;

-- The pairs of the work already there: every counted annotation as this write's, over an empty
-- InsightPair (before = InsightMention minus all of it = nothing).
DO $$
DECLARE
  statement text;
BEGIN
  FOREACH statement IN ARRAY "glossa_insight_pair_sql"($s$SELECT a.*, date_trunc('day', coalesce(ar."publishedAt", ar."createdAt")) AS "articleDay", 1 AS "sign" FROM "Annotation" AS a JOIN "Article" AS ar ON ar."id" = a."articleId"$s$) LOOP
    EXECUTE statement;
  END LOOP;
END
$$;
