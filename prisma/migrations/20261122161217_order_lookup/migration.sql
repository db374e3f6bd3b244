-- CreateTable
CREATE TABLE "ShopSettings" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "shopName" TEXT NOT NULL,
    "contactEmail" TEXT NOT NULL,
    "ianaTimezone" TEXT NOT NULL,
    "orderNumberPrefix" TEXT NOT NULL DEFAULT '#',
    "orderNumberSuffix" TEXT NOT NULL DEFAULT '',
    "countryCode" TEXT,
    "storefrontUrl" TEXT NOT NULL,
    "profileRefreshedAt" DATETIME,
    "strictLookup" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "LookupChallenge" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "LookupEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "shop" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "points" INTEGER NOT NULL,
    "expire" DATETIME
);

-- CreateIndex
CREATE INDEX "LookupChallenge_shop_expiresAt_idx" ON "LookupChallenge"("shop", "expiresAt");

-- CreateIndex
CREATE INDEX "LookupEvent_shop_createdAt_idx" ON "LookupEvent"("shop", "createdAt");

