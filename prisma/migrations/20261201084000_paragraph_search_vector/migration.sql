-- Search (issue 12): each paragraph's lemmas as a tsvector, written by Node (lib/morphology),
-- since SQL cannot lemmatise. Existing rows stay NULL until the seed's back-fill fills them.
ALTER TABLE "Paragraph" ADD COLUMN "searchVector" tsvector;

-- CreateIndex
CREATE INDEX "Paragraph_searchVector_idx" ON "Paragraph" USING GIN ("searchVector");
