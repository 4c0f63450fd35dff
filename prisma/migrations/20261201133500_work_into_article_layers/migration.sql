-- The reader shows one project layer of an article at a time (the Project layer box), so every
-- piece of work on an article that is in projects must belong to one of its layers. Before this,
-- a highlight's note (made with the highlight) and imported notes were stored without a layer:
-- they join the layer of what they are on (their highlight, their thread), and anything else left
-- outside projects on an article in projects joins the article's first project.

-- Notes on a highlight: the highlight's layer.
UPDATE "Note" AS n SET "projectId" = a."projectId"
  FROM "Annotation" AS a
 WHERE n."annotationId" = a."id" AND n."projectId" IS NULL AND a."projectId" IS NOT NULL;

-- Replies: their thread's layer.
UPDATE "Note" AS n SET "projectId" = parent."projectId"
  FROM "Note" AS parent
 WHERE n."parentId" = parent."id" AND n."projectId" IS NULL AND parent."projectId" IS NOT NULL;

-- Anything else on an article in projects: the project it joined first.
UPDATE "Annotation" AS a SET "projectId" = (
    SELECT ap."projectId" FROM "ArticleProject" AS ap WHERE ap."articleId" = a."articleId" ORDER BY ap."addedAt", ap."projectId" LIMIT 1)
 WHERE a."projectId" IS NULL AND EXISTS (SELECT 1 FROM "ArticleProject" AS ap WHERE ap."articleId" = a."articleId");

UPDATE "Note" AS n SET "projectId" = COALESCE(
    (SELECT a."projectId" FROM "Annotation" AS a WHERE a."id" = n."annotationId"),
    (SELECT ap."projectId" FROM "ArticleProject" AS ap WHERE ap."articleId" = n."articleId" ORDER BY ap."addedAt", ap."projectId" LIMIT 1))
 WHERE n."projectId" IS NULL AND EXISTS (SELECT 1 FROM "ArticleProject" AS ap WHERE ap."articleId" = n."articleId");
