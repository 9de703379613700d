-- CreateTable
CREATE TABLE "dataset" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "collectionId" TEXT,
    "currentVersion" INTEGER NOT NULL DEFAULT 0,
    "nextPosition" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "dataset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dataset_version" (
    "id" TEXT NOT NULL,
    "datasetId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "itemCount" INTEGER NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dataset_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dataset_item" (
    "id" TEXT NOT NULL,
    "datasetId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "variables" JSON NOT NULL,
    "expected" JSON,
    "metadata" JSON,
    "addedIn" INTEGER NOT NULL,
    "removedIn" INTEGER,
    "stagedBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dataset_item_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "dataset_collectionId_idx" ON "dataset"("collectionId");

-- CreateIndex
CREATE INDEX "dataset_deletedAt_updatedAt_idx" ON "dataset"("deletedAt", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "dataset_version_datasetId_version_key" ON "dataset_version"("datasetId", "version");

-- CreateIndex
CREATE INDEX "dataset_item_datasetId_removedIn_position_idx" ON "dataset_item"("datasetId", "removedIn", "position");

-- CreateIndex
CREATE INDEX "dataset_item_datasetId_addedIn_idx" ON "dataset_item"("datasetId", "addedIn");

-- CreateIndex
CREATE INDEX "dataset_item_datasetId_itemId_idx" ON "dataset_item"("datasetId", "itemId");

-- CreateIndex
CREATE INDEX "dataset_item_datasetId_stagedBy_idx" ON "dataset_item"("datasetId", "stagedBy");

-- AddForeignKey
ALTER TABLE "dataset" ADD CONSTRAINT "dataset_collectionId_fkey" FOREIGN KEY ("collectionId") REFERENCES "collection"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dataset_version" ADD CONSTRAINT "dataset_version_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dataset_item" ADD CONSTRAINT "dataset_item_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;
