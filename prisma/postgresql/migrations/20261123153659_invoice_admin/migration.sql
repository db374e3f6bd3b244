-- CreateTable
CREATE TABLE "InvoiceDownload" (
    "id" SERIAL NOT NULL,
    "shop" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "documents" INTEGER NOT NULL DEFAULT 1,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InvoiceDownload_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "InvoiceDownload_shop_at_idx" ON "InvoiceDownload"("shop", "at");

-- CreateIndex
CREATE INDEX "Invoice_list_idx" ON "Invoice"("shop", "issuedAt", "id", "test", "number", "orderName", "customerEmail", "customerName");

-- CreateIndex
CREATE INDEX "Invoice_shop_kind_issuedAt_id_idx" ON "Invoice"("shop", "kind", "issuedAt", "id");

-- CreateIndex
CREATE INDEX "Invoice_shop_orderName_idx" ON "Invoice"("shop", "orderName");

-- CreateIndex
CREATE INDEX "Invoice_shop_customerEmail_idx" ON "Invoice"("shop", "customerEmail");

