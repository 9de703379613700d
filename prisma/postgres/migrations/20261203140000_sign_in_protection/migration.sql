-- AlterTable
ALTER TABLE "user" ALTER COLUMN "role" SET DEFAULT 'viewer';

-- AlterTable
ALTER TABLE "api_key" ADD COLUMN     "createdByKeyId" TEXT;

-- CreateTable
CREATE TABLE "owner_claim" (
    "id" INTEGER NOT NULL,
    "email" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "owner_claim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sign_in_lock" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL,
    "allowedFailures" INTEGER NOT NULL,
    "lockedUntil" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "sign_in_lock_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "api_key_createdByKeyId_idx" ON "api_key"("createdByKeyId");
