-- CreateTable
CREATE TABLE "ShopSettings" (
    "shop" TEXT NOT NULL,
    "shopName" TEXT NOT NULL,
    "contactEmail" TEXT NOT NULL,
    "ianaTimezone" TEXT NOT NULL,
    "orderNumberPrefix" TEXT NOT NULL DEFAULT '#',
    "orderNumberSuffix" TEXT NOT NULL DEFAULT '',
    "countryCode" TEXT,
    "storefrontUrl" TEXT NOT NULL,
    "profileRefreshedAt" TIMESTAMP(3),
    "strictLookup" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ShopSettings_pkey" PRIMARY KEY ("shop")
);

-- CreateTable
CREATE TABLE "LookupChallenge" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LookupChallenge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LookupEvent" (
    "id" SERIAL NOT NULL,
    "shop" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LookupEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "expire" TIMESTAMP(3),

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "LookupChallenge_shop_expiresAt_idx" ON "LookupChallenge"("shop", "expiresAt");

-- CreateIndex
CREATE INDEX "LookupEvent_shop_createdAt_idx" ON "LookupEvent"("shop", "createdAt");

