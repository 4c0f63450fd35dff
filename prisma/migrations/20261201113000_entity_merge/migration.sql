-- Merge entities (issue 12): one row per merge, with what Undo needs to restore the state before it.
CREATE TABLE "EntityMerge" (
    "id" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "snapshot" JSONB NOT NULL,
    "mergedById" TEXT NOT NULL,
    "mergedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "undoneAt" TIMESTAMP(3),

    CONSTRAINT "EntityMerge_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "EntityMerge_targetId_idx" ON "EntityMerge"("targetId");
CREATE INDEX "EntityMerge_sourceId_idx" ON "EntityMerge"("sourceId");
