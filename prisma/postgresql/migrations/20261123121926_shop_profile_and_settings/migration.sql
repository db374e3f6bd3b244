-- DropIndex
DROP INDEX "WebhookDelivery_shop_idx";

-- AlterTable
ALTER TABLE "WebhookDelivery" DROP CONSTRAINT "WebhookDelivery_pkey",
ADD CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("shop", "webhookId");

-- CreateTable
CREATE TABLE "ShopProfile" (
    "shop" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "contactEmail" TEXT NOT NULL,
    "currencyCode" TEXT NOT NULL,
    "ianaTimezone" TEXT NOT NULL,
    "orderNumberPrefix" TEXT NOT NULL DEFAULT '#',
    "orderNumberSuffix" TEXT NOT NULL DEFAULT '',
    "countryCode" TEXT,
    "storefrontUrl" TEXT NOT NULL,
    "refreshedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ShopProfile_pkey" PRIMARY KEY ("shop")
);

-- CreateTable
CREATE TABLE "ShopSetting" (
    "shop" TEXT NOT NULL,
    "section" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ShopSetting_pkey" PRIMARY KEY ("shop","section")
);

-- Order lookup's strict mode moves to its settings section (only shops that turned it on).
INSERT INTO "ShopSetting" ("shop", "section", "value", "updatedAt")
SELECT "shop", 'order-lookup', '{"strict":true}', "updatedAt" FROM "ShopSettings" WHERE "strictLookup";

-- DropTable
DROP TABLE "ShopSettings";

