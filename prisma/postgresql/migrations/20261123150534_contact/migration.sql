-- CreateTable
CREATE TABLE "Conversation" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastMessageAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "firstResponseAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "csatScore" INTEGER,
    "csatComment" TEXT,
    "csatAt" TIMESTAMP(3),

    CONSTRAINT "Conversation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConversationMessage" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "author" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConversationMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContactEvent" (
    "id" SERIAL NOT NULL,
    "shop" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContactEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InboundEmailToken" (
    "token" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InboundEmailToken_pkey" PRIMARY KEY ("token")
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

-- AddForeignKey
ALTER TABLE "ConversationMessage" ADD CONSTRAINT "ConversationMessage_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

