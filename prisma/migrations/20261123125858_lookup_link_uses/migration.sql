-- CreateTable
CREATE TABLE "LookupLinkUse" (
    "shop" TEXT NOT NULL,
    "linkId" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("shop", "linkId")
);

-- CreateIndex
CREATE INDEX "LookupLinkUse_shop_expiresAt_idx" ON "LookupLinkUse"("shop", "expiresAt");

