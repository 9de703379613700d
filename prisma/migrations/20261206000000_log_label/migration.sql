-- AlterTable
ALTER TABLE "completion_log" ADD COLUMN "label" TEXT;
