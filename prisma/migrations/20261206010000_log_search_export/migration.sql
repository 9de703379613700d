-- AlterTable
ALTER TABLE "completion_log" ADD COLUMN "retries" INTEGER;
ALTER TABLE "completion_log" ADD COLUMN "upstreamMs" INTEGER;
ALTER TABLE "completion_log" ADD COLUMN "searchText" TEXT;

-- CreateTable
CREATE TABLE "log_export" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "description" TEXT,
    "filters" JSONB NOT NULL,
    "requestedData" JSONB NOT NULL,
    "format" TEXT NOT NULL DEFAULT 'jsonl',
    "totalRecords" INTEGER,
    "snapshotAt" DATETIME,
    "error" TEXT,
    "apiKeyId" TEXT,
    "userId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "log_export_createdAt_idx" ON "log_export"("createdAt");

-- Hand-written, as schema.prisma cannot express it. The log search index: An FTS5 table with
-- external content, so the text is stored once (completion_log."searchText") and the index
-- holds only the words. Triggers keep it in step with every insert, update and delete of
-- completion_log, whoever makes them (the log writer, retention, a database transfer), so
-- pruning never leaves a word pointing at a gone row. Rows without text (metadata mode) are
-- never indexed. Its key is the implicit rowid of completion_log, which a VACUUM may renumber:
-- after one, run INSERT INTO "completion_log_fts"("completion_log_fts") VALUES ('rebuild').
CREATE VIRTUAL TABLE "completion_log_fts" USING fts5("searchText", content='completion_log', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');

CREATE TRIGGER "completion_log_fts_insert" AFTER INSERT ON "completion_log" WHEN new."searchText" IS NOT NULL BEGIN
  INSERT INTO "completion_log_fts"(rowid, "searchText") VALUES (new.rowid, new."searchText");
END;

CREATE TRIGGER "completion_log_fts_delete" AFTER DELETE ON "completion_log" WHEN old."searchText" IS NOT NULL BEGIN
  INSERT INTO "completion_log_fts"("completion_log_fts", rowid, "searchText") VALUES ('delete', old.rowid, old."searchText");
END;

CREATE TRIGGER "completion_log_fts_update" AFTER UPDATE OF "searchText" ON "completion_log" BEGIN
  INSERT INTO "completion_log_fts"("completion_log_fts", rowid, "searchText") SELECT 'delete', old.rowid, old."searchText" WHERE old."searchText" IS NOT NULL;
  INSERT INTO "completion_log_fts"(rowid, "searchText") SELECT new.rowid, new."searchText" WHERE new."searchText" IS NOT NULL;
END;
