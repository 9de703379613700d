-- AlterTable
ALTER TABLE "experiment_case" ADD COLUMN     "claimToken" TEXT;
