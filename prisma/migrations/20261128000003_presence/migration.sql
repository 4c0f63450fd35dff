-- CreateTable
CREATE TABLE "Presence" (
    "connectionId" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Presence_pkey" PRIMARY KEY ("connectionId")
);

-- CreateIndex
CREATE INDEX "Presence_articleId_lastSeenAt_idx" ON "Presence"("articleId", "lastSeenAt");

