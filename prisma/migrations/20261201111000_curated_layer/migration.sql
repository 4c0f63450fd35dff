-- Agreement and curation (issue 15): a Curator role, and the curated (gold) layer, which holds
-- copies of the annotation versions a curator or admin adopted where annotators disagree.
ALTER TYPE "Role" ADD VALUE 'CURATOR';

CREATE TABLE "CuratedAnnotation" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "paragraphId" TEXT NOT NULL,
    "kind" "AnnotationKind" NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "exact" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "suffix" TEXT NOT NULL,
    "color" TEXT,
    "entityTypeId" TEXT,
    "entityId" TEXT,
    "speakerId" TEXT,
    "sourceAnnotationId" TEXT,
    "authorId" TEXT NOT NULL,
    "adoptedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CuratedAnnotation_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "CuratedAnnotation_articleId_idx" ON "CuratedAnnotation"("articleId");

CREATE INDEX "CuratedAnnotation_paragraphId_idx" ON "CuratedAnnotation"("paragraphId");

ALTER TABLE "CuratedAnnotation" ADD CONSTRAINT "CuratedAnnotation_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "CuratedAnnotation" ADD CONSTRAINT "CuratedAnnotation_paragraphId_fkey" FOREIGN KEY ("paragraphId") REFERENCES "Paragraph"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "CuratedAnnotation" ADD CONSTRAINT "CuratedAnnotation_entityTypeId_fkey" FOREIGN KEY ("entityTypeId") REFERENCES "EntityType"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "CuratedAnnotation" ADD CONSTRAINT "CuratedAnnotation_entityId_fkey" FOREIGN KEY ("entityId") REFERENCES "Entity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "CuratedAnnotation" ADD CONSTRAINT "CuratedAnnotation_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "Entity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "CuratedAnnotation" ADD CONSTRAINT "CuratedAnnotation_sourceAnnotationId_fkey" FOREIGN KEY ("sourceAnnotationId") REFERENCES "Annotation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "CuratedAnnotation" ADD CONSTRAINT "CuratedAnnotation_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "CuratedAnnotation" ADD CONSTRAINT "CuratedAnnotation_adoptedById_fkey" FOREIGN KEY ("adoptedById") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
