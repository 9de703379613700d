-- AlterTable
ALTER TABLE "completion_log" ADD COLUMN     "retries" INTEGER,
ADD COLUMN     "upstreamMs" INTEGER;
ALTER TABLE "completion_log" ADD COLUMN     "searchText" TEXT;

-- CreateTable
CREATE TABLE "log_export" (
    "id" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "description" TEXT,
    "filters" JSON NOT NULL,
    "requestedData" JSON NOT NULL,
    "format" TEXT NOT NULL DEFAULT 'jsonl',
    "totalRecords" INTEGER,
    "snapshotAt" TIMESTAMP(3),
    "error" TEXT,
    "apiKeyId" TEXT,
    "userId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "log_export_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "log_export_createdAt_idx" ON "log_export"("createdAt");

-- Hand-written, as schema.prisma cannot express it (scripts/generate-pg-schema.mjs writes a new
-- migration per model change and never rewrites this one). The log search index: a GIN index
-- over the words of "searchText" with the 'simple' configuration (lower-cased words, no
-- stemming, no stop words: what the FTS5 unicode61 tokenizer of SQLite matches). Built into core
-- PostgreSQL, so it needs no extension and no superuser, unlike pg_trgm. The log search
-- (lib/logs/search.ts) repeats this exact expression so that the planner uses the index.
CREATE INDEX "completion_log_search_idx" ON "completion_log" USING GIN (to_tsvector('simple', coalesce("searchText", '')));
