// A ZIP of many documents, streamed: rows are read in small batches by cursor, each PDF is
// rendered and appended only when the archive has taken the previous one, and the archive
// (archiver's ZipArchive, a Node stream) is read by the response as the client takes it.
// So memory holds one batch of rows, one PDF and the streams' buffers, whatever the count.
import { createReadableStreamFromReadable } from "@remix-run/node";
import { ZipArchive } from "archiver";
import prisma from "~/db.server";
import { invoiceWhere, type InvoiceFilter } from "./admin-list.server";
import { renderDocument } from "./logo.server";
import { recordDownload } from "./store.server";

/** More than this in one ZIP is refused: the merchant narrows the date range. */
export const MAX_ZIP_DOCUMENTS = 10_000;
const BATCH = 50;

export function fileName(number: string, extension: string): string {
  return `${number.replace(/[^A-Za-z0-9._-]/g, "_")}.${extension}`;
}

/** Resolves when the archive has processed the entry just appended (or fails with it). */
function entryTaken(archive: ZipArchive): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      archive.off("entry", onEntry);
      archive.off("error", done);
      archive.off("close", onClose);
      if (error) reject(error);
      else resolve();
    };
    const onEntry = () => done();
    const onClose = () => done(new Error("archive closed"));
    archive.once("entry", onEntry);
    archive.once("error", done);
    archive.once("close", onClose);
  });
}

export async function countDocuments({ shop, filter }: { shop: string; filter: InvoiceFilter }) {
  return prisma.invoice.count({ where: invoiceWhere(shop, filter) });
}

/**
 * The documents the filter selects as one ZIP stream (oldest first, one PDF per document,
 * named by its number). The download is recorded when the last entry has been written.
 */
export function documentsZip({ shop, filter }: { shop: string; filter: InvoiceFilter }): ReadableStream<Uint8Array> {
  // PDFs are already compressed: stored entries save CPU and change nothing in size.
  const archive = new ZipArchive({ store: true });
  const where = invoiceWhere(shop, filter);

  const produce = async () => {
    let cursor: { issuedAt: Date; id: string } | null = null;
    let count = 0;
    for (;;) {
      const rows: { id: string; shop: string; number: string; kind: string; issuedAt: Date; snapshot: string }[] =
        await prisma.invoice.findMany({
          where: cursor
            ? {
                AND: [
                  where,
                  {
                    OR: [{ issuedAt: { gt: cursor.issuedAt } }, { issuedAt: cursor.issuedAt, id: { gt: cursor.id } }],
                  },
                ],
              }
            : where,
          orderBy: [{ issuedAt: "asc" }, { id: "asc" }],
          take: BATCH,
          select: { id: true, shop: true, number: true, kind: true, issuedAt: true, snapshot: true },
        });
      for (const row of rows) {
        const pdf = await renderDocument(row);
        const taken = entryTaken(archive);
        archive.append(pdf, { name: fileName(row.number, "pdf"), date: row.issuedAt });
        await taken;
        count++;
      }
      if (rows.length < BATCH) break;
      const last = rows[rows.length - 1]!;
      cursor = { issuedAt: last.issuedAt, id: last.id };
    }
    await archive.finalize();
    await recordDownload({ shop, source: "zip", documents: count });
  };

  produce().catch((error: unknown) => {
    // A client that went away closes the archive: nothing to report. Anything else is logged
    // and ends the stream with an error (the client sees a broken download, never a partial
    // ZIP that looks complete).
    if (!archive.destroyed) {
      console.error("Care Desk: ZIP of invoices failed", error);
      archive.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  });
  return createReadableStreamFromReadable(archive);
}
