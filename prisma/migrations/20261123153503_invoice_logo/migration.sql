-- CreateTable
CREATE TABLE "InvoiceLogo" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "data" BLOB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("shop", "id")
);

