-- CreateTable
CREATE TABLE "AccountDownloadUse" (
    "shop" TEXT NOT NULL,
    "linkId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccountDownloadUse_pkey" PRIMARY KEY ("shop","linkId")
);

-- CreateIndex
CREATE INDEX "AccountDownloadUse_shop_expiresAt_idx" ON "AccountDownloadUse"("shop", "expiresAt");

