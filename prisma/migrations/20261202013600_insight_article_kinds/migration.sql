-- The region Agreement of /insights picks, per kind (entity tags, highlights, quotes), the most
-- annotated articles that two or more people marked. It grouped every readable annotation of the
-- three kinds by kind and article (a scan and sort of ~90,000 wide rows on the 10,000-article
-- benchmark: 0.3-0.9 s). This rollup keeps, per article day, article, layer and kind, the shared
-- work's count and each author's count (a small JSON object, so that two writers on one article
-- merge their counts under the row lock of ON CONFLICT, which reads the latest committed row, not
-- the statement's snapshot) and how many authors that is ("raters"). Same counted work (shared,
-- not deleted, placed) and layer column as the other rollups, kept by the same statement triggers.

CREATE TABLE "InsightArticleKind" (
  "key" TEXT NOT NULL,
  "articleDay" TIMESTAMP(3) NOT NULL,
  "articleId" TEXT NOT NULL,
  "projectId" TEXT,
  "kind" "AnnotationKind" NOT NULL,
  "count" INTEGER NOT NULL,
  "authors" JSONB NOT NULL,
  "raters" INTEGER NOT NULL,
  CONSTRAINT "InsightArticleKind_pkey" PRIMARY KEY ("key")
);
-- The pick reads each kind's rows, most annotated first.
CREATE INDEX "InsightArticleKind_kind_count_idx" ON "InsightArticleKind"("kind", "count");

/** Per-author counts `base` plus `delta` (objects author id → count), keeping the authors left with more than none. */
CREATE FUNCTION "glossa_author_counts"(base jsonb, delta jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(jsonb_object_agg("author", "n") FILTER (WHERE "n" > 0), '{}'::jsonb)
    FROM (SELECT "key" AS "author", sum("value"::int) AS "n"
            FROM (SELECT * FROM jsonb_each_text(base) UNION ALL SELECT * FROM jsonb_each_text(delta)) AS "e"
           GROUP BY 1) AS "s"
$$;

/** The statement that adds the counted annotations of `source` (rows as in "glossa_insight_sql") to InsightArticleKind. */
CREATE FUNCTION "glossa_insight_article_kind_sql"(source text) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT ARRAY[format($q$
    INSERT INTO "InsightArticleKind" AS t ("key", "articleDay", "articleId", "projectId", "kind", "count", "authors", "raters")
    SELECT concat_ws('|', g."articleDay", g."articleId", coalesce(g."projectId", ''), g."kind") AS "key", g."articleDay", g."articleId", g."projectId", g."kind",
           -- The authors' changes as they are (a new key's are all additions; an existing one merges them below).
           sum(g."n")::int, jsonb_object_agg(g."authorId", g."n"), (count(*) FILTER (WHERE g."n" > 0))::int
      FROM (SELECT s."articleDay", s."articleId", s."projectId", s."kind", s."authorId", sum(s."sign")::int AS "n"
              FROM (%s) AS s
             WHERE "glossa_insight_counts"(s."visibility", s."deletedAt", s."anchorStatus")
             GROUP BY 1, 2, 3, 4, 5
            HAVING sum(s."sign") <> 0) AS g
     GROUP BY 1, 2, 3, 4, 5
     ORDER BY 1
    ON CONFLICT ("key") DO UPDATE SET
      "count" = t."count" + EXCLUDED."count",
      "authors" = "glossa_author_counts"(t."authors", EXCLUDED."authors"),
      "raters" = (SELECT count(*)::int FROM jsonb_object_keys("glossa_author_counts"(t."authors", EXCLUDED."authors")))
  $q$, source)]
$$;

-- The triggers run "glossa_insight_sql": everything as before, then this rollup's statement.
ALTER FUNCTION "glossa_insight_sql"(text) RENAME TO "glossa_insight_before_kinds_sql";
CREATE FUNCTION "glossa_insight_sql"(source text) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT "glossa_insight_before_kinds_sql"(source) || "glossa_insight_article_kind_sql"(source)
$$;

-- The work already there.
DO $$
BEGIN
  EXECUTE ("glossa_insight_article_kind_sql"($s$SELECT a.*, date_trunc('day', coalesce(ar."publishedAt", ar."createdAt")) AS "articleDay", 1 AS "sign" FROM "Annotation" AS a JOIN "Article" AS ar ON ar."id" = a."articleId"$s$))[1];
END
$$;
