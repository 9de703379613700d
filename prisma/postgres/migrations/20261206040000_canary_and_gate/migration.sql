-- AlterTable
ALTER TABLE "prompt_label" ADD COLUMN     "candidateVersionId" TEXT,
ADD COLUMN     "candidateWeight" DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "label_move" ADD COLUMN     "reason" TEXT,
ADD COLUMN     "weight" DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "release_request" ADD COLUMN     "gateExperimentId" TEXT,
ADD COLUMN     "gateMinPassRate" DOUBLE PRECISION,
ADD COLUMN     "gateOverride" TEXT;

-- CreateTable
CREATE TABLE "label_gate" (
    "id" TEXT NOT NULL,
    "promptId" TEXT NOT NULL,
    "labelId" TEXT NOT NULL,
    "datasetId" TEXT NOT NULL,
    "datasetVersion" INTEGER,
    "scorers" JSON NOT NULL,
    "minPassRate" DOUBLE PRECISION NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "label_gate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "label_gate_labelId_idx" ON "label_gate"("labelId");

-- CreateIndex
CREATE UNIQUE INDEX "label_gate_promptId_labelId_key" ON "label_gate"("promptId", "labelId");

-- AddForeignKey
ALTER TABLE "label_gate" ADD CONSTRAINT "label_gate_promptId_fkey" FOREIGN KEY ("promptId") REFERENCES "prompt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "label_gate" ADD CONSTRAINT "label_gate_labelId_fkey" FOREIGN KEY ("labelId") REFERENCES "label"("id") ON DELETE CASCADE ON UPDATE CASCADE;
