-- Lists read articles newest first with ties broken by id (the library's and the admin list's
-- keyset pages, search's walk down the newest matches). On "createdAt" alone PostgreSQL had to
-- read and sort every article of a tied instant (a bulk import commits thousands at once) before
-- the first row; on ("createdAt", "id") the order comes from the index.
CREATE INDEX "Article_createdAt_id_idx" ON "Article"("createdAt", "id");
DROP INDEX "Article_createdAt_idx";
