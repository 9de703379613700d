-- CreateTable
CREATE TABLE "partial_label" (
    "partialId" TEXT NOT NULL,
    "labelId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("partialId", "labelId"),
    CONSTRAINT "partial_label_partialId_fkey" FOREIGN KEY ("partialId") REFERENCES "partial" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "partial_label_labelId_fkey" FOREIGN KEY ("labelId") REFERENCES "label" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "partial_label_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "partial_version" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "partial_label_labelId_idx" ON "partial_label"("labelId");

-- CreateIndex
CREATE INDEX "partial_label_versionId_idx" ON "partial_label"("versionId");
