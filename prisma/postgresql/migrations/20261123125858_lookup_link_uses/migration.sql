-- CreateTable
CREATE TABLE "LookupLinkUse" (
    "shop" TEXT NOT NULL,
    "linkId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LookupLinkUse_pkey" PRIMARY KEY ("shop","linkId")
);

-- CreateIndex
CREATE INDEX "LookupLinkUse_shop_expiresAt_idx" ON "LookupLinkUse"("shop", "expiresAt");

