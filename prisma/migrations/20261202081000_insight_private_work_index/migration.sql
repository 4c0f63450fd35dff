-- /insights (issue 15) counts a signed-in viewer's own private work live, beside the rollups of the
-- shared work (lib/server/insights/insight-work.ts, ownPrivateSql): by author and visibility, then
-- on the filter's articles.

-- The author's private work alone: the author index held every annotation of theirs (on the
-- 10,000-article bench ~11,600 rows read from the table to keep ~720 private ones). The new index
-- serves every lookup by author the old one did.
DROP INDEX "Annotation_authorId_idx";
CREATE INDEX "Annotation_authorId_visibility_idx" ON "Annotation"("authorId", "visibility");

-- An article's date as the filters read it (publication, else import): its statistics tell the
-- planner how many articles a period holds. Without them it guessed 50 of 2,571 for three months
-- and probed the private work article by article, 2,571 probes instead of one pass over ~720 rows.
CREATE STATISTICS "Article_day_stats" ON (coalesce("publishedAt", "createdAt")) FROM "Article";
ANALYZE "Article";
