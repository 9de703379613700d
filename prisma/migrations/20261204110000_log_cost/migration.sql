-- AlterTable
ALTER TABLE "completion_log" ADD COLUMN "cachedTokens" INTEGER;
ALTER TABLE "completion_log" ADD COLUMN "costUsd" REAL;

-- CreateTable
CREATE TABLE "model_price" (
    "provider" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "inputPerMTok" REAL NOT NULL,
    "outputPerMTok" REAL NOT NULL,
    "cachedInputPerMTok" REAL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("provider", "model")
);
