-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "user" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailVerified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "role" TEXT NOT NULL DEFAULT 'owner',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session" (
    "id" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "token" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "ipAddress" TEXT,
    "userAgent" TEXT,
    "userId" TEXT NOT NULL,

    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "account" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "accessToken" TEXT,
    "refreshToken" TEXT,
    "idToken" TEXT,
    "accessTokenExpiresAt" TIMESTAMP(3),
    "refreshTokenExpiresAt" TIMESTAMP(3),
    "scope" TEXT,
    "password" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verification" (
    "id" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "verification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_key" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "scope" TEXT NOT NULL DEFAULT 'admin',
    "userId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "api_key_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "collection" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "parentId" TEXT,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "collection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "prompt" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "collectionId" TEXT NOT NULL,
    "publishedVersionId" TEXT,
    "strictVariables" BOOLEAN NOT NULL DEFAULT false,
    "settings" JSON,
    "lastUsedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "prompt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "prompt_version" (
    "id" TEXT NOT NULL,
    "promptId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "templateType" TEXT NOT NULL DEFAULT 'chat',
    "template" TEXT NOT NULL,
    "model" TEXT,
    "virtualKeyId" TEXT,
    "parameters" JSON NOT NULL,
    "tools" JSON,
    "toolChoice" JSON,
    "responseFormat" JSON,
    "functions" JSON,
    "templateMetadata" JSON,
    "description" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "prompt_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "label" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "colorCode" TEXT,
    "isSystem" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "label_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "prompt_label" (
    "promptId" TEXT NOT NULL,
    "labelId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "prompt_label_pkey" PRIMARY KEY ("promptId","labelId")
);

-- CreateTable
CREATE TABLE "partial" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "publishedVersionId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "partial_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "partial_version" (
    "id" TEXT NOT NULL,
    "partialId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "template" TEXT NOT NULL,
    "description" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "partial_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "virtual_key" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "encryptedSecret" TEXT NOT NULL,
    "maskedKey" TEXT NOT NULL,
    "customHost" TEXT,
    "options" JSON,
    "note" TEXT,
    "status" TEXT NOT NULL DEFAULT 'active',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "virtual_key_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "completion_log" (
    "id" TEXT NOT NULL,
    "traceId" TEXT NOT NULL,
    "promptId" TEXT,
    "promptSlug" TEXT,
    "promptVersionId" TEXT,
    "promptVersion" INTEGER,
    "isDraft" BOOLEAN NOT NULL DEFAULT false,
    "virtualKeyId" TEXT,
    "provider" TEXT,
    "model" TEXT,
    "stream" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL,
    "httpStatus" INTEGER,
    "error" TEXT,
    "latencyMs" INTEGER,
    "ttftMs" INTEGER,
    "promptTokens" INTEGER,
    "completionTokens" INTEGER,
    "totalTokens" INTEGER,
    "finishReason" TEXT,
    "variables" JSON,
    "request" JSON,
    "response" JSON,
    "apiKeyId" TEXT,
    "userId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "completion_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "user_email_key" ON "user"("email");

-- CreateIndex
CREATE UNIQUE INDEX "session_token_key" ON "session"("token");

-- CreateIndex
CREATE INDEX "session_userId_idx" ON "session"("userId");

-- CreateIndex
CREATE INDEX "account_userId_idx" ON "account"("userId");

-- CreateIndex
CREATE INDEX "verification_identifier_idx" ON "verification"("identifier");

-- CreateIndex
CREATE UNIQUE INDEX "api_key_hash_key" ON "api_key"("hash");

-- CreateIndex
CREATE INDEX "api_key_userId_idx" ON "api_key"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "collection_slug_key" ON "collection"("slug");

-- CreateIndex
CREATE INDEX "collection_parentId_idx" ON "collection"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "prompt_slug_key" ON "prompt"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "prompt_publishedVersionId_key" ON "prompt"("publishedVersionId");

-- CreateIndex
CREATE INDEX "prompt_collectionId_idx" ON "prompt"("collectionId");

-- CreateIndex
CREATE INDEX "prompt_name_idx" ON "prompt"("name");

-- CreateIndex
CREATE INDEX "prompt_updatedAt_idx" ON "prompt"("updatedAt");

-- CreateIndex
CREATE INDEX "prompt_version_virtualKeyId_idx" ON "prompt_version"("virtualKeyId");

-- CreateIndex
CREATE UNIQUE INDEX "prompt_version_promptId_version_key" ON "prompt_version"("promptId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "label_name_key" ON "label"("name");

-- CreateIndex
CREATE INDEX "prompt_label_versionId_idx" ON "prompt_label"("versionId");

-- CreateIndex
CREATE INDEX "prompt_label_labelId_idx" ON "prompt_label"("labelId");

-- CreateIndex
CREATE UNIQUE INDEX "partial_slug_key" ON "partial"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "partial_publishedVersionId_key" ON "partial"("publishedVersionId");

-- CreateIndex
CREATE UNIQUE INDEX "partial_version_partialId_version_key" ON "partial_version"("partialId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "virtual_key_slug_key" ON "virtual_key"("slug");

-- CreateIndex
CREATE INDEX "completion_log_createdAt_idx" ON "completion_log"("createdAt");

-- CreateIndex
CREATE INDEX "completion_log_promptId_createdAt_idx" ON "completion_log"("promptId", "createdAt");

-- CreateIndex
CREATE INDEX "completion_log_status_createdAt_idx" ON "completion_log"("status", "createdAt");

-- CreateIndex
CREATE INDEX "completion_log_traceId_idx" ON "completion_log"("traceId");

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account" ADD CONSTRAINT "account_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_key" ADD CONSTRAINT "api_key_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "collection" ADD CONSTRAINT "collection_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "collection"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "prompt" ADD CONSTRAINT "prompt_collectionId_fkey" FOREIGN KEY ("collectionId") REFERENCES "collection"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "prompt" ADD CONSTRAINT "prompt_publishedVersionId_fkey" FOREIGN KEY ("publishedVersionId") REFERENCES "prompt_version"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "prompt_version" ADD CONSTRAINT "prompt_version_promptId_fkey" FOREIGN KEY ("promptId") REFERENCES "prompt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "prompt_version" ADD CONSTRAINT "prompt_version_virtualKeyId_fkey" FOREIGN KEY ("virtualKeyId") REFERENCES "virtual_key"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "prompt_label" ADD CONSTRAINT "prompt_label_promptId_fkey" FOREIGN KEY ("promptId") REFERENCES "prompt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "prompt_label" ADD CONSTRAINT "prompt_label_labelId_fkey" FOREIGN KEY ("labelId") REFERENCES "label"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "prompt_label" ADD CONSTRAINT "prompt_label_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "prompt_version"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "partial" ADD CONSTRAINT "partial_publishedVersionId_fkey" FOREIGN KEY ("publishedVersionId") REFERENCES "partial_version"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "partial_version" ADD CONSTRAINT "partial_version_partialId_fkey" FOREIGN KEY ("partialId") REFERENCES "partial"("id") ON DELETE CASCADE ON UPDATE CASCADE;
