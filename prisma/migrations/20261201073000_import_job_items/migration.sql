-- CreateTable
CREATE TABLE "ImportJobItem" (
    "jobId" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL,
    "message" TEXT,

    CONSTRAINT "ImportJobItem_pkey" PRIMARY KEY ("jobId","line")
);

-- AddForeignKey
ALTER TABLE "ImportJobItem" ADD CONSTRAINT "ImportJobItem_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "ImportJob"("id") ON DELETE CASCADE ON UPDATE CASCADE;
