-- Whole-library totals for /insights (issue 15): InsightDaily keeps the article day (for a
-- period) and the creation day and author (for Activity) on every row, so over the whole library
-- each section summed tens of thousands of rows (entity x day x author). Two narrower rollups
-- answer the whole library instead: per subject (an entity tag's entity, a quote's speaker) and
-- per day of activity. A third keeps the tags and quotes per paragraph (co-occurrence, and the
-- entities around a speaker's quotes), a narrow copy of what those sections read from the wide
-- Annotation rows (their text, context and search vector). Same counted work (shared, not
-- deleted, placed), same layer column for the read rules, kept by the same statement-level
-- triggers in the writer's transaction.

CREATE TABLE "InsightSubject" (
  "key" TEXT NOT NULL,
  "projectId" TEXT,
  "kind" "AnnotationKind" NOT NULL,
  "entityId" TEXT,
  "speakerId" TEXT,
  "count" INTEGER NOT NULL,
  CONSTRAINT "InsightSubject_pkey" PRIMARY KEY ("key")
);

CREATE TABLE "InsightActivity" (
  "key" TEXT NOT NULL,
  "projectId" TEXT,
  "kind" "AnnotationKind" NOT NULL,
  "authorId" TEXT NOT NULL,
  "createdDay" TIMESTAMP(3) NOT NULL,
  "count" INTEGER NOT NULL,
  CONSTRAINT "InsightActivity_pkey" PRIMARY KEY ("key")
);

-- Tags and quotes (an entity or a speaker) per paragraph, layer and article day (the period).
CREATE TABLE "InsightMention" (
  "key" TEXT NOT NULL,
  "articleDay" TIMESTAMP(3) NOT NULL,
  "articleId" TEXT NOT NULL,
  "paragraphId" TEXT NOT NULL,
  "projectId" TEXT,
  "kind" "AnnotationKind" NOT NULL,
  "entityId" TEXT,
  "speakerId" TEXT,
  "count" INTEGER NOT NULL,
  CONSTRAINT "InsightMention_pkey" PRIMARY KEY ("key")
);
CREATE INDEX "InsightMention_paragraphId_idx" ON "InsightMention"("paragraphId");
CREATE INDEX "InsightMention_speakerId_idx" ON "InsightMention"("speakerId");

-- The viewer's own private work is counted live: by author, not by scanning every annotation.
CREATE INDEX "Annotation_authorId_idx" ON "Annotation"("authorId");

/** As in 20261201130500_insight_rollups, plus the two totals (the triggers call this, unchanged). */
CREATE OR REPLACE FUNCTION "glossa_insight_sql"(source text) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT ARRAY[format($q$
    INSERT INTO "InsightDaily" AS d ("key", "articleDay", "projectId", "kind", "entityId", "speakerId", "authorId", "createdDay", "count")
    SELECT concat_ws('|', s."articleDay", coalesce(s."projectId", ''), s."kind", coalesce(s."entityId", ''), coalesce(s."speakerId", ''), s."authorId", date_trunc('day', s."createdAt")) AS "key",
           s."articleDay", s."projectId", s."kind", s."entityId", s."speakerId", s."authorId", date_trunc('day', s."createdAt"), sum(s."sign")::int
      FROM (%s) AS s
     WHERE "glossa_insight_counts"(s."visibility", s."deletedAt", s."anchorStatus")
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    HAVING sum(s."sign") <> 0
     ORDER BY 1
    ON CONFLICT ("key") DO UPDATE SET "count" = d."count" + EXCLUDED."count"
  $q$, source), format($q$
    INSERT INTO "InsightArticle" AS c ("key", "articleId", "projectId", "count")
    SELECT concat_ws('|', s."articleId", coalesce(s."projectId", '')) AS "key", s."articleId", s."projectId", sum(s."sign")::int
      FROM (%s) AS s
     WHERE "glossa_insight_counts"(s."visibility", s."deletedAt", s."anchorStatus")
     GROUP BY 1, 2, 3
    HAVING sum(s."sign") <> 0
     ORDER BY 1
    ON CONFLICT ("key") DO UPDATE SET "count" = c."count" + EXCLUDED."count"
  $q$, source), format($q$
    INSERT INTO "InsightSubject" AS t ("key", "projectId", "kind", "entityId", "speakerId", "count")
    SELECT concat_ws('|', coalesce(s."projectId", ''), s."kind", coalesce(s."entityId", ''), coalesce(s."speakerId", '')) AS "key", s."projectId", s."kind", s."entityId", s."speakerId", sum(s."sign")::int
      FROM (%s) AS s
     WHERE "glossa_insight_counts"(s."visibility", s."deletedAt", s."anchorStatus")
     GROUP BY 1, 2, 3, 4, 5
    HAVING sum(s."sign") <> 0
     ORDER BY 1
    ON CONFLICT ("key") DO UPDATE SET "count" = t."count" + EXCLUDED."count"
  $q$, source), format($q$
    INSERT INTO "InsightActivity" AS t ("key", "projectId", "kind", "authorId", "createdDay", "count")
    SELECT concat_ws('|', coalesce(s."projectId", ''), s."kind", s."authorId", date_trunc('day', s."createdAt")) AS "key", s."projectId", s."kind", s."authorId", date_trunc('day', s."createdAt"), sum(s."sign")::int
      FROM (%s) AS s
     WHERE "glossa_insight_counts"(s."visibility", s."deletedAt", s."anchorStatus")
     GROUP BY 1, 2, 3, 4, 5
    HAVING sum(s."sign") <> 0
     ORDER BY 1
    ON CONFLICT ("key") DO UPDATE SET "count" = t."count" + EXCLUDED."count"
  $q$, source), format($q$
    INSERT INTO "InsightMention" AS t ("key", "articleDay", "articleId", "paragraphId", "projectId", "kind", "entityId", "speakerId", "count")
    SELECT concat_ws('|', s."articleDay", s."paragraphId", coalesce(s."projectId", ''), s."kind", coalesce(s."entityId", ''), coalesce(s."speakerId", '')) AS "key",
           s."articleDay", s."articleId", s."paragraphId", s."projectId", s."kind", s."entityId", s."speakerId", sum(s."sign")::int
      FROM (%s) AS s
     WHERE "glossa_insight_counts"(s."visibility", s."deletedAt", s."anchorStatus") AND (s."entityId" IS NOT NULL OR s."speakerId" IS NOT NULL)
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    HAVING sum(s."sign") <> 0
     ORDER BY 1
    ON CONFLICT ("key") DO UPDATE SET "count" = t."count" + EXCLUDED."count"
  $q$, source)]
$$;

-- The work already there, from the daily rollup (the same counted work, summed over the days).
INSERT INTO "InsightSubject" ("key", "projectId", "kind", "entityId", "speakerId", "count")
SELECT concat_ws('|', coalesce("projectId", ''), "kind", coalesce("entityId", ''), coalesce("speakerId", '')), "projectId", "kind", "entityId", "speakerId", sum("count")::int
  FROM "InsightDaily" GROUP BY 1, 2, 3, 4, 5 HAVING sum("count") <> 0;
INSERT INTO "InsightActivity" ("key", "projectId", "kind", "authorId", "createdDay", "count")
SELECT concat_ws('|', coalesce("projectId", ''), "kind", "authorId", "createdDay"), "projectId", "kind", "authorId", "createdDay", sum("count")::int
  FROM "InsightDaily" GROUP BY 1, 2, 3, 4, 5 HAVING sum("count") <> 0;
-- (Paragraphs are not in the daily rollup: counted from the annotations.)
INSERT INTO "InsightMention" ("key", "articleDay", "articleId", "paragraphId", "projectId", "kind", "entityId", "speakerId", "count")
SELECT concat_ws('|', date_trunc('day', coalesce(ar."publishedAt", ar."createdAt")), a."paragraphId", coalesce(a."projectId", ''), a."kind", coalesce(a."entityId", ''), coalesce(a."speakerId", '')),
       date_trunc('day', coalesce(ar."publishedAt", ar."createdAt")), a."articleId", a."paragraphId", a."projectId", a."kind", a."entityId", a."speakerId", count(*)::int
  FROM "Annotation" AS a JOIN "Article" AS ar ON ar."id" = a."articleId"
 WHERE "glossa_insight_counts"(a."visibility", a."deletedAt", a."anchorStatus") AND (a."entityId" IS NOT NULL OR a."speakerId" IS NOT NULL)
 GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
