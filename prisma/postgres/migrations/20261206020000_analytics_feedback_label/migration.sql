-- DropIndex
DROP INDEX "analytics_rollup_key";

-- AlterTable
ALTER TABLE "feedback" ADD COLUMN     "rollupId" TEXT;

-- AlterTable
ALTER TABLE "analytics_rollup" ADD COLUMN     "feedbackCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "feedbackHist" TEXT NOT NULL DEFAULT '{}',
ADD COLUMN     "feedbackRequests" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "feedbackValueSum" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "feedbackWeighted" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "label" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "feedback_rollupId_idx" ON "feedback"("rollupId");

-- CreateIndex
CREATE UNIQUE INDEX "analytics_rollup_key" ON "analytics_rollup"("hour", "promptId", "promptVersion", "label", "model", "provider", "apiKeyId", "virtualKeyId", "status", "httpStatus");
