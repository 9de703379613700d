-- AlterTable
ALTER TABLE "user" ADD COLUMN     "publisher" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "label" ADD COLUMN     "protected" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "requiredApprovals" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "label_move" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "label_move_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "release_request" (
    "id" TEXT NOT NULL,
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
    "mergedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "release_request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "release_review" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "reviewer" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "comment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "release_review_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "label_move_promptId_labelId_createdAt_idx" ON "label_move"("promptId", "labelId", "createdAt");

-- CreateIndex
CREATE INDEX "release_request_promptId_status_idx" ON "release_request"("promptId", "status");

-- CreateIndex
CREATE INDEX "release_request_status_createdAt_idx" ON "release_request"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "release_review_requestId_userId_key" ON "release_review"("requestId", "userId");

-- AddForeignKey
ALTER TABLE "label_move" ADD CONSTRAINT "label_move_labelId_fkey" FOREIGN KEY ("labelId") REFERENCES "label"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "release_request" ADD CONSTRAINT "release_request_promptId_fkey" FOREIGN KEY ("promptId") REFERENCES "prompt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "release_request" ADD CONSTRAINT "release_request_labelId_fkey" FOREIGN KEY ("labelId") REFERENCES "label"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "release_review" ADD CONSTRAINT "release_review_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "release_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;
