-- CreateTable
CREATE TABLE "partial_label" (
    "partialId" TEXT NOT NULL,
    "labelId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "partial_label_pkey" PRIMARY KEY ("partialId","labelId")
);

-- CreateIndex
CREATE INDEX "partial_label_labelId_idx" ON "partial_label"("labelId");

-- CreateIndex
CREATE INDEX "partial_label_versionId_idx" ON "partial_label"("versionId");

-- AddForeignKey
ALTER TABLE "partial_label" ADD CONSTRAINT "partial_label_partialId_fkey" FOREIGN KEY ("partialId") REFERENCES "partial"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "partial_label" ADD CONSTRAINT "partial_label_labelId_fkey" FOREIGN KEY ("labelId") REFERENCES "label"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "partial_label" ADD CONSTRAINT "partial_label_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "partial_version"("id") ON DELETE CASCADE ON UPDATE CASCADE;
