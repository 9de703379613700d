-- AlterTable
ALTER TABLE "prompt" ADD COLUMN "archivedAt" DATETIME;
