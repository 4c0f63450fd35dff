-- Rollups of shared work for /insights (issue 15): the whole-library numbers are sums over these
-- small tables instead of groups over every annotation. Maintained by triggers, in the writer's
-- own transaction, so they hold for every writer (the app, imports, re-imports, merges, cascades,
-- scripts) and are never behind: a rolled-back write rolls its rollup change back too.
--
-- Counted here is *shared* work: a shared annotation, not deleted, placed on the text (not
-- orphaned). Who may read it still depends on the viewer (its project layer, the article), so
-- the keys keep what those rules look at; lib/server/insights applies lib/permissions to them and
-- adds the viewer's own private work live.

/** Whether an annotation counts in the rollups: shared, not deleted, placed on the text. */
CREATE FUNCTION "glossa_insight_counts"(visibility "Visibility", deleted_at timestamp(3), anchor_status "AnchorStatus")
  RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT visibility = 'SHARED' AND deleted_at IS NULL AND anchor_status <> 'ORPHANED'
$$;

-- Days are midnights (UTC, as every timestamp here), date_trunc('day', …).
-- Shared annotations per article date (the filter's period), layer, kind, entity or speaker,
-- author and creation day (Activity). The key joins the other columns, so upserts need no
-- NULL-aware unique index.
CREATE TABLE "InsightDaily" (
  "key" TEXT NOT NULL,
  "articleDay" TIMESTAMP(3) NOT NULL,
  "projectId" TEXT,
  "kind" "AnnotationKind" NOT NULL,
  "entityId" TEXT,
  "speakerId" TEXT,
  "authorId" TEXT NOT NULL,
  "createdDay" TIMESTAMP(3) NOT NULL,
  "count" INTEGER NOT NULL,
  CONSTRAINT "InsightDaily_pkey" PRIMARY KEY ("key")
);
CREATE INDEX "InsightDaily_articleDay_idx" ON "InsightDaily"("articleDay");

-- Shared annotations per article and layer (Coverage's most annotated articles).
CREATE TABLE "InsightArticle" (
  "key" TEXT NOT NULL,
  "articleId" TEXT NOT NULL,
  "projectId" TEXT,
  "count" INTEGER NOT NULL,
  CONSTRAINT "InsightArticle_pkey" PRIMARY KEY ("key")
);
CREATE INDEX "InsightArticle_articleId_idx" ON "InsightArticle"("articleId");

/**
 * The statements that add the counted annotations of `source` (a query yielding Annotation rows
 * plus an integer "sign" and the article's "articleDay") to both rollups. Text to EXECUTE in the
 * trigger function itself: only there are its transition tables visible. Keys are upserted in key
 * order, so two writers touching the same keys lock them in the same order and cannot deadlock.
 */
CREATE FUNCTION "glossa_insight_sql"(source text) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
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
  $q$, source)]
$$;

/** Runs the statements of "glossa_insight_sql"(source). */
CREATE FUNCTION "glossa_insight_apply"(source text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  statement text;
BEGIN
  FOREACH statement IN ARRAY "glossa_insight_sql"(source) LOOP
    EXECUTE statement;
  END LOOP;
END
$$;

-- Rows of an article that is being deleted are skipped (the join finds no article): the article's
-- own trigger has taken its work out already, before the cascade.
CREATE FUNCTION "glossa_insight_annotations"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  rows_of text := $s$SELECT r.*, date_trunc('day', coalesce(ar."publishedAt", ar."createdAt")) AS "articleDay", %s AS "sign" FROM %I AS r JOIN "Article" AS ar ON ar."id" = r."articleId"$s$;
  source text;
  statement text;
BEGIN
  IF TG_OP = 'INSERT' THEN
    source := format(rows_of, 1, 'new_rows');
  ELSIF TG_OP = 'DELETE' THEN
    source := format(rows_of, -1, 'old_rows');
  ELSE
    source := format(rows_of, -1, 'old_rows') || ' UNION ALL ' || format(rows_of, 1, 'new_rows');
  END IF;
  -- Here, not through "glossa_insight_apply": a called function does not see the transition tables.
  FOREACH statement IN ARRAY "glossa_insight_sql"(source) LOOP
    EXECUTE statement;
  END LOOP;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Annotation_insight_insert" AFTER INSERT ON "Annotation"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "glossa_insight_annotations"();
CREATE TRIGGER "Annotation_insight_update" AFTER UPDATE ON "Annotation"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "glossa_insight_annotations"();
CREATE TRIGGER "Annotation_insight_delete" AFTER DELETE ON "Annotation"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "glossa_insight_annotations"();

-- An article's date moves its work to another day; a deleted article takes its work along.
CREATE FUNCTION "glossa_insight_article"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  rows_of text := $s$SELECT a.*, %L::timestamp(3) AS "articleDay", %s AS "sign" FROM "Annotation" AS a WHERE a."articleId" = %L$s$;
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM "glossa_insight_apply"(format(rows_of, date_trunc('day', coalesce(OLD."publishedAt", OLD."createdAt")), -1, OLD."id"));
    RETURN OLD;
  END IF;
  -- Only a new day matters (the trigger has no column list, so that those columns stay alterable).
  IF date_trunc('day', coalesce(OLD."publishedAt", OLD."createdAt")) = date_trunc('day', coalesce(NEW."publishedAt", NEW."createdAt")) AND OLD."id" = NEW."id" THEN
    RETURN NEW;
  END IF;
  PERFORM "glossa_insight_apply"(
    format(rows_of, date_trunc('day', coalesce(OLD."publishedAt", OLD."createdAt")), -1, OLD."id") || ' UNION ALL ' ||
    format(rows_of, date_trunc('day', coalesce(NEW."publishedAt", NEW."createdAt")), 1, NEW."id"));
  RETURN NEW;
END
$$;

CREATE TRIGGER "Article_insight_delete" BEFORE DELETE ON "Article"
  FOR EACH ROW EXECUTE FUNCTION "glossa_insight_article"();
CREATE TRIGGER "Article_insight_day" AFTER UPDATE ON "Article"
  FOR EACH ROW EXECUTE FUNCTION "glossa_insight_article"();

-- The work already there.
SELECT "glossa_insight_apply"($s$SELECT a.*, date_trunc('day', coalesce(ar."publishedAt", ar."createdAt")) AS "articleDay", 1 AS "sign" FROM "Annotation" AS a JOIN "Article" AS ar ON ar."id" = a."articleId"$s$);
