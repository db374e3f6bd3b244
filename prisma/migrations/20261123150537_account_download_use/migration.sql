-- CreateTable
CREATE TABLE "AccountDownloadUse" (
    "shop" TEXT NOT NULL,
    "linkId" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("shop", "linkId")
);

-- CreateIndex
CREATE INDEX "AccountDownloadUse_shop_expiresAt_idx" ON "AccountDownloadUse"("shop", "expiresAt");

