-- CreateTable
CREATE TABLE "Review" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "variantId" TEXT,
    "rating" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "authorName" TEXT NOT NULL,
    "email" TEXT,
    "locale" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "verified" BOOLEAN NOT NULL DEFAULT false,
    "orderId" TEXT,
    "source" TEXT NOT NULL DEFAULT 'storefront',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" DATETIME,
    "replyBody" TEXT,
    "repliedAt" DATETIME,
    "firstRepliedAt" DATETIME
);

-- CreateTable
CREATE TABLE "ReviewPrivateReply" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "reviewId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "sentAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReviewPrivateReply_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReviewProductSync" (
    "shop" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "syncedVersion" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("shop", "productId")
);

-- CreateIndex
CREATE INDEX "Review_shop_firstRepliedAt_rating_createdAt_id_idx" ON "Review"("shop", "firstRepliedAt", "rating", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Review_shop_firstRepliedAt_createdAt_id_idx" ON "Review"("shop", "firstRepliedAt", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Review_shop_status_rating_createdAt_id_idx" ON "Review"("shop", "status", "rating", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Review_shop_status_createdAt_id_idx" ON "Review"("shop", "status", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Review_shop_rating_createdAt_id_idx" ON "Review"("shop", "rating", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Review_shop_createdAt_id_idx" ON "Review"("shop", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Review_shop_productId_status_publishedAt_id_idx" ON "Review"("shop", "productId", "status", "publishedAt", "id");

-- CreateIndex
CREATE INDEX "Review_shop_email_idx" ON "Review"("shop", "email");

-- CreateIndex
CREATE INDEX "ReviewPrivateReply_shop_reviewId_idx" ON "ReviewPrivateReply"("shop", "reviewId");

