-- AlterTable
ALTER TABLE "ImportJobChunk" ADD COLUMN     "skipped" INTEGER NOT NULL DEFAULT 0;

