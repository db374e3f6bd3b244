-- CreateTable
CREATE TABLE "Conversation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "folder" TEXT NOT NULL DEFAULT 'inbox',
    "spamReason" TEXT,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "orderNumber" TEXT,
    "topic" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "unread" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastMessageAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "firstResponseAt" DATETIME,
    "closedAt" DATETIME,
    "csatScore" INTEGER,
    "csatComment" TEXT,
    "csatAt" DATETIME
);

-- CreateTable
CREATE TABLE "ConversationMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "author" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ConversationMessage_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ContactEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "shop" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "InboundEmailToken" (
    "token" TEXT NOT NULL PRIMARY KEY,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "Conversation_shop_folder_lastMessageAt_id_idx" ON "Conversation"("shop", "folder", "lastMessageAt", "id");

-- CreateIndex
CREATE INDEX "Conversation_shop_folder_status_lastMessageAt_id_idx" ON "Conversation"("shop", "folder", "status", "lastMessageAt", "id");

-- CreateIndex
CREATE INDEX "Conversation_shop_folder_status_createdAt_idx" ON "Conversation"("shop", "folder", "status", "createdAt");

-- CreateIndex
CREATE INDEX "Conversation_shop_email_idx" ON "Conversation"("shop", "email");

-- CreateIndex
CREATE INDEX "Conversation_shop_createdAt_idx" ON "Conversation"("shop", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Conversation_shop_reference_key" ON "Conversation"("shop", "reference");

-- CreateIndex
CREATE INDEX "ConversationMessage_shop_conversationId_createdAt_idx" ON "ConversationMessage"("shop", "conversationId", "createdAt");

-- CreateIndex
CREATE INDEX "ConversationMessage_shop_createdAt_idx" ON "ConversationMessage"("shop", "createdAt");

-- CreateIndex
CREATE INDEX "ContactEvent_shop_kind_createdAt_idx" ON "ContactEvent"("shop", "kind", "createdAt");

