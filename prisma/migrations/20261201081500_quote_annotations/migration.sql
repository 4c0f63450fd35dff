-- Quotes (issue 11): an annotation of kind QUOTE names who said the quoted words in speakerId.
-- A speaker is referred to, not mentioned, so it has its own column rather than entityId
-- (the entity page counts entityId as a mention).
ALTER TYPE "AnnotationKind" ADD VALUE 'QUOTE';

ALTER TABLE "Annotation" ADD COLUMN "speakerId" TEXT;

CREATE INDEX "Annotation_speakerId_idx" ON "Annotation"("speakerId");

ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "Entity"("id") ON DELETE SET NULL ON UPDATE CASCADE;
