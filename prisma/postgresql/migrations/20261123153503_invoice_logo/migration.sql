-- CreateTable
CREATE TABLE "InvoiceLogo" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "data" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InvoiceLogo_pkey" PRIMARY KEY ("shop","id")
);

