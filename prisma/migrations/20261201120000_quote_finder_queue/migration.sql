-- Quotes (issue 11): import runs the quote finder on every new article and revision. A bulk import
-- queues its articles here and a background task on each instance drains the queue.
CREATE TABLE "QuoteFinderQueue" (
    "articleId" TEXT NOT NULL,
    "queuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QuoteFinderQueue_pkey" PRIMARY KEY ("articleId")
);

CREATE INDEX "QuoteFinderQueue_queuedAt_idx" ON "QuoteFinderQueue"("queuedAt");

ALTER TABLE "QuoteFinderQueue" ADD CONSTRAINT "QuoteFinderQueue_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Articles imported before the finder ran on import get their suggestions in the background too.
INSERT INTO "QuoteFinderQueue" ("articleId") SELECT "id" FROM "Article" WHERE "archivedAt" IS NULL;
