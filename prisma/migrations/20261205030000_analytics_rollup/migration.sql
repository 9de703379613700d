-- CreateTable
CREATE TABLE "analytics_rollup" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "hour" DATETIME NOT NULL,
    "promptId" TEXT NOT NULL DEFAULT '',
    "promptVersion" INTEGER NOT NULL DEFAULT 0,
    "model" TEXT NOT NULL DEFAULT '',
    "provider" TEXT NOT NULL DEFAULT '',
    "apiKeyId" TEXT NOT NULL DEFAULT '',
    "virtualKeyId" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL,
    "httpStatus" INTEGER NOT NULL DEFAULT 0,
    "promptSlug" TEXT NOT NULL DEFAULT '',
    "requests" INTEGER NOT NULL DEFAULT 0,
    "latencyCount" INTEGER NOT NULL DEFAULT 0,
    "latencySumMs" REAL NOT NULL DEFAULT 0,
    "latencyHist" TEXT NOT NULL DEFAULT '{}',
    "ttftCount" INTEGER NOT NULL DEFAULT 0,
    "ttftSumMs" REAL NOT NULL DEFAULT 0,
    "ttftHist" TEXT NOT NULL DEFAULT '{}',
    "promptTokens" INTEGER NOT NULL DEFAULT 0,
    "completionTokens" INTEGER NOT NULL DEFAULT 0,
    "totalTokens" INTEGER NOT NULL DEFAULT 0,
    "costUsd" REAL NOT NULL DEFAULT 0,
    "firstSeen" DATETIME NOT NULL,
    "lastSeen" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "analytics_backfill" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cutoff" DATETIME NOT NULL,
    "cursorAt" DATETIME,
    "cursorId" TEXT,
    "done" BOOLEAN NOT NULL DEFAULT false
);

-- CreateIndex
CREATE INDEX "analytics_rollup_prompt_hour_idx" ON "analytics_rollup"("promptId", "hour");

-- CreateIndex
CREATE UNIQUE INDEX "analytics_rollup_key" ON "analytics_rollup"("hour", "promptId", "promptVersion", "model", "provider", "apiKeyId", "virtualKeyId", "status", "httpStatus");
