-- AlterTable
ALTER TABLE "prompt" ADD COLUMN     "archivedAt" TIMESTAMP(3);
