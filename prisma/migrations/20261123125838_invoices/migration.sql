-- CreateTable
CREATE TABLE "InvoiceCounter" (
    "shop" TEXT NOT NULL,
    "series" TEXT NOT NULL,
    "period" INTEGER NOT NULL,
    "next" INTEGER NOT NULL,

    PRIMARY KEY ("shop", "series", "period")
);

-- CreateTable
CREATE TABLE "Invoice" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "sourceKey" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "orderName" TEXT NOT NULL,
    "invoiceId" TEXT,
    "customerId" TEXT,
    "customerEmail" TEXT,
    "customerName" TEXT,
    "currency" TEXT NOT NULL,
    "total" TEXT NOT NULL,
    "test" BOOLEAN NOT NULL DEFAULT false,
    "locale" TEXT NOT NULL,
    "issuedAt" DATETIME NOT NULL,
    "snapshot" TEXT NOT NULL,
    "downloads" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "Invoice_shop_issuedAt_idx" ON "Invoice"("shop", "issuedAt");

-- CreateIndex
CREATE INDEX "Invoice_shop_orderId_idx" ON "Invoice"("shop", "orderId");

-- CreateIndex
CREATE INDEX "Invoice_shop_customerId_idx" ON "Invoice"("shop", "customerId");

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_shop_sourceKey_key" ON "Invoice"("shop", "sourceKey");

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_shop_number_key" ON "Invoice"("shop", "number");

