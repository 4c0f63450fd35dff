-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "deletedAt" TIMESTAMP(3);

