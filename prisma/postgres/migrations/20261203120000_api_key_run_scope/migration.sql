-- AlterTable
ALTER TABLE "api_key" ADD COLUMN     "allowDrafts" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "virtualKeyIds" JSON;
