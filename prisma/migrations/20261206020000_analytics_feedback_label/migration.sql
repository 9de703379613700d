-- AlterTable
ALTER TABLE "analytics_rollup" ADD COLUMN "label" TEXT NOT NULL DEFAULT '';
ALTER TABLE "analytics_rollup" ADD COLUMN "feedbackCount" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "analytics_rollup" ADD COLUMN "feedbackRequests" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "analytics_rollup" ADD COLUMN "feedbackValueSum" REAL NOT NULL DEFAULT 0;
ALTER TABLE "analytics_rollup" ADD COLUMN "feedbackWeighted" REAL NOT NULL DEFAULT 0;
ALTER TABLE "analytics_rollup" ADD COLUMN "feedbackHist" TEXT NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "feedback" ADD COLUMN "rollupId" TEXT;

-- DropIndex
DROP INDEX "analytics_rollup_key";

-- CreateIndex
CREATE UNIQUE INDEX "analytics_rollup_key" ON "analytics_rollup"("hour", "promptId", "promptVersion", "label", "model", "provider", "apiKeyId", "virtualKeyId", "status", "httpStatus");

-- CreateIndex
CREATE INDEX "feedback_rollupId_idx" ON "feedback"("rollupId");
