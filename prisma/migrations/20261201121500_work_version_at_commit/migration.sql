-- The article work version (20261201104500_article_work_version) is bumped when the writing
-- transaction commits instead of when it inserts its event: a writer then holds the version row
-- for its commit only, so writers of one article no longer queue behind each other's whole
-- transactions. Versions still become visible in commit order (the second committer waits for
-- the first's row), and an event id may again commit after a higher one, which the live hub orders.
DROP TRIGGER "ArticleEvent_bump_work_version" ON "ArticleEvent";

CREATE CONSTRAINT TRIGGER "ArticleEvent_bump_work_version" AFTER INSERT ON "ArticleEvent"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "glossa_bump_article_work_version"();
