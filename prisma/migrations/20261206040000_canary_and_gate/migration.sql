-- AlterTable
ALTER TABLE "prompt_label" ADD COLUMN "candidateVersionId" TEXT;
ALTER TABLE "prompt_label" ADD COLUMN "candidateWeight" REAL;

-- AlterTable
ALTER TABLE "label_move" ADD COLUMN "reason" TEXT;
ALTER TABLE "label_move" ADD COLUMN "weight" REAL;

-- AlterTable
ALTER TABLE "release_request" ADD COLUMN "gateExperimentId" TEXT;
ALTER TABLE "release_request" ADD COLUMN "gateMinPassRate" REAL;
ALTER TABLE "release_request" ADD COLUMN "gateOverride" TEXT;

-- CreateTable
CREATE TABLE "label_gate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "promptId" TEXT NOT NULL,
    "labelId" TEXT NOT NULL,
    "datasetId" TEXT NOT NULL,
    "datasetVersion" INTEGER,
    "scorers" JSONB NOT NULL,
    "minPassRate" REAL NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "label_gate_promptId_fkey" FOREIGN KEY ("promptId") REFERENCES "prompt" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "label_gate_labelId_fkey" FOREIGN KEY ("labelId") REFERENCES "label" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "label_gate_labelId_idx" ON "label_gate"("labelId");

-- CreateIndex
CREATE UNIQUE INDEX "label_gate_promptId_labelId_key" ON "label_gate"("promptId", "labelId");

