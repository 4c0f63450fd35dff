-- CreateIndex
CREATE INDEX "Article_contentHash_idx" ON "Article"("contentHash");

