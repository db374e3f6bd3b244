-- AlterTable
ALTER TABLE "Review" ADD COLUMN     "importKey" TEXT;

-- CreateTable
CREATE TABLE "ReviewImport" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "rows" TEXT NOT NULL,
    "rowCount" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReviewImport_shop_createdAt_idx" ON "ReviewImport"("shop", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Review_shop_importKey_key" ON "Review"("shop", "importKey");

