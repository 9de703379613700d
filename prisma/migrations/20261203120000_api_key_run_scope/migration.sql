-- AlterTable
ALTER TABLE "api_key" ADD COLUMN "allowDrafts" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "api_key" ADD COLUMN "virtualKeyIds" JSONB;
