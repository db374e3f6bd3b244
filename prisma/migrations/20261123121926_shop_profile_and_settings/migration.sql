-- CreateTable
CREATE TABLE "ShopProfile" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "contactEmail" TEXT NOT NULL,
    "currencyCode" TEXT NOT NULL,
    "ianaTimezone" TEXT NOT NULL,
    "orderNumberPrefix" TEXT NOT NULL DEFAULT '#',
    "orderNumberSuffix" TEXT NOT NULL DEFAULT '',
    "countryCode" TEXT,
    "storefrontUrl" TEXT NOT NULL,
    "refreshedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ShopSetting" (
    "shop" TEXT NOT NULL,
    "section" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("shop", "section")
);

-- Order lookup's strict mode moves to its settings section (only shops that turned it on).
INSERT INTO "ShopSetting" ("shop", "section", "value", "updatedAt")
SELECT "shop", 'order-lookup', '{"strict":true}', "updatedAt" FROM "ShopSettings" WHERE "strictLookup";

-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "ShopSettings";
PRAGMA foreign_keys=on;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_WebhookDelivery" (
    "shop" TEXT NOT NULL,
    "webhookId" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("shop", "webhookId")
);
INSERT INTO "new_WebhookDelivery" ("receivedAt", "shop", "topic", "webhookId") SELECT "receivedAt", "shop", "topic", "webhookId" FROM "WebhookDelivery";
DROP TABLE "WebhookDelivery";
ALTER TABLE "new_WebhookDelivery" RENAME TO "WebhookDelivery";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

