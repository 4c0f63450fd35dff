-- CreateTable
CREATE TABLE "ArticleEventPrune" (
    "articleId" TEXT NOT NULL,
    "prunedThrough" BIGINT NOT NULL,

    CONSTRAINT "ArticleEventPrune_pkey" PRIMARY KEY ("articleId")
);
