-- AlterTable
ALTER TABLE "completion_log" ADD COLUMN "experimentId" TEXT;

-- CreateTable
CREATE TABLE "experiment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT,
    "datasetId" TEXT NOT NULL,
    "datasetVersion" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "concurrency" INTEGER NOT NULL,
    "repetitions" INTEGER NOT NULL,
    "targets" JSONB NOT NULL,
    "scorers" JSONB NOT NULL,
    "totalCases" INTEGER NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "finishedAt" DATETIME
);

-- CreateTable
CREATE TABLE "experiment_case" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "experimentId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "targetIndex" INTEGER NOT NULL,
    "repetition" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "leaseUntil" DATETIME,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "input" JSONB,
    "output" TEXT,
    "latencyMs" INTEGER,
    "promptTokens" INTEGER,
    "completionTokens" INTEGER,
    "totalTokens" INTEGER,
    "costUsd" REAL,
    "error" TEXT,
    "scores" JSONB,
    "passed" BOOLEAN,
    "finishedAt" DATETIME,
    CONSTRAINT "experiment_case_experimentId_fkey" FOREIGN KEY ("experimentId") REFERENCES "experiment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "experiment_status_idx" ON "experiment"("status");

-- CreateIndex
CREATE INDEX "experiment_createdAt_idx" ON "experiment"("createdAt");

-- CreateIndex
CREATE INDEX "experiment_case_experimentId_status_idx" ON "experiment_case"("experimentId", "status");

-- CreateIndex
CREATE INDEX "experiment_case_experimentId_position_targetIndex_repetition_idx" ON "experiment_case"("experimentId", "position", "targetIndex", "repetition");

-- CreateIndex
CREATE UNIQUE INDEX "experiment_case_experimentId_itemId_targetIndex_repetition_key" ON "experiment_case"("experimentId", "itemId", "targetIndex", "repetition");

-- CreateIndex
CREATE INDEX "completion_log_experimentId_idx" ON "completion_log"("experimentId");

