-- CreateTable
CREATE TABLE "label_move" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "promptId" TEXT NOT NULL,
    "labelId" TEXT NOT NULL,
    "fromVersionId" TEXT,
    "fromVersion" INTEGER,
    "toVersionId" TEXT NOT NULL,
    "toVersion" INTEGER NOT NULL,
    "userId" TEXT,
    "apiKeyId" TEXT,
    "actor" TEXT NOT NULL,
    "via" TEXT NOT NULL DEFAULT 'direct',
    "releaseRequestId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "label_move_labelId_fkey" FOREIGN KEY ("labelId") REFERENCES "label" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "release_request" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "promptId" TEXT NOT NULL,
    "labelId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "baseVersionId" TEXT,
    "baseVersion" INTEGER,
    "comment" TEXT,
    "status" TEXT NOT NULL DEFAULT 'open',
    "authorUserId" TEXT,
    "authorKeyId" TEXT,
    "author" TEXT NOT NULL,
    "mergedBy" TEXT,
    "mergedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "release_request_promptId_fkey" FOREIGN KEY ("promptId") REFERENCES "prompt" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "release_request_labelId_fkey" FOREIGN KEY ("labelId") REFERENCES "label" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "release_review" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "reviewer" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "comment" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "release_review_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "release_request" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable: new columns with constant defaults (existing labels stay unprotected)
ALTER TABLE "user" ADD COLUMN "publisher" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "label" ADD COLUMN "protected" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "label" ADD COLUMN "requiredApprovals" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "label_move_promptId_labelId_createdAt_idx" ON "label_move"("promptId", "labelId", "createdAt");

-- CreateIndex
CREATE INDEX "release_request_promptId_status_idx" ON "release_request"("promptId", "status");

-- CreateIndex
CREATE INDEX "release_request_status_createdAt_idx" ON "release_request"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "release_review_requestId_userId_key" ON "release_review"("requestId", "userId");

