-- A version per article that every change to its annotations, notes or text moves forward:
-- readers key their caches by it (lib/server/cache), so that a cache on any app instance
-- knows from one indexed read whether what it holds is still current.
--
-- Bumped by a trigger on every ArticleEvent insert, the one row every such change writes in
-- its own transaction, so no write path can forget it. A separate row rather than a column
-- of "Article": writers hold the article row FOR SHARE, and two of them updating it would
-- deadlock; here the second waits for the first to commit, so versions become visible in the
-- order they were taken (an event id, by contrast, can commit after a higher one). No foreign
-- key, as for "ArticleEvent": its check would take a lock on the article row too.
CREATE TABLE "ArticleWorkVersion" (
    "articleId" TEXT NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "ArticleWorkVersion_pkey" PRIMARY KEY ("articleId")
);

CREATE FUNCTION "glossa_bump_article_work_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ArticleWorkVersion" ("articleId", "version") VALUES (NEW."articleId", 1)
  ON CONFLICT ("articleId") DO UPDATE SET "version" = "ArticleWorkVersion"."version" + 1;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "ArticleEvent_bump_work_version" AFTER INSERT ON "ArticleEvent"
  FOR EACH ROW EXECUTE FUNCTION "glossa_bump_article_work_version"();
