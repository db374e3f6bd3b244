// Issued invoices and credit notes in the database. Issuing takes the next number of the
// shop's series and stores the document in one transaction: the counter row is updated with
// an atomic `UPDATE … SET next = next + 1 … RETURNING`, which holds the row's write lock until
// commit, so concurrent issues (threads or app instances) queue on it and a failed insert
// rolls its number back. Numbers are therefore unique and gapless per shop and series.
import { randomUUID } from "node:crypto";
import prisma, { type Database } from "~/db.server";
import { counterPeriod, formatNumber, type NumberFormat } from "./numbering";

export type DocumentKind = "invoice" | "credit_note";

export interface NewDocument<S> {
  shop: string;
  kind: DocumentKind;
  /** `order:<gid>` for an invoice, `refund:<gid>` for a credit note: one document per source. */
  sourceKey: string;
  orderId: string;
  orderName: string;
  invoiceId?: string | null;
  customerId?: string | null;
  customerEmail?: string | null;
  customerName?: string | null;
  currency: string;
  total: string;
  test: boolean;
  locale: string;
  issuedAt: Date;
  /** The year the number carries (the issue date's year in the shop's time zone). */
  year: number;
  /** The frozen document, given its number. */
  snapshot: (number: string) => S;
}

export type StoredDocument = NonNullable<Awaited<ReturnType<typeof findBySource>>>;

export function findBySource({ shop, sourceKey }: { shop: string; sourceKey: string }, db: Database = prisma) {
  return db.invoice.findUnique({ where: { shop_sourceKey: { shop, sourceKey } } });
}

/** Whether the source has a document (raw SQL: asked on every order lookup that is found). */
export async function hasDocument({ shop, sourceKey }: { shop: string; sourceKey: string }): Promise<boolean> {
  const rows = await prisma.$queryRaw<unknown[]>`
    SELECT 1 AS "found" FROM "Invoice" WHERE "shop" = ${shop} AND "sourceKey" = ${sourceKey} LIMIT 1`;
  return rows.length > 0;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/**
 * Issues the document once: the existing one when its source already has one (also when a
 * concurrent issue for the same source wins the race), else a new one with the next number.
 */
export async function issueDocument<S>(
  doc: NewDocument<S>,
  format: NumberFormat,
  /** The app instance's client (tests run two, as two instances would). */
  db: Database = prisma,
): Promise<{ document: StoredDocument; created: boolean }> {
  const existing = await findBySource(doc, db);
  if (existing) return { document: existing, created: false };
  const series = doc.kind;
  const period = counterPeriod(format, doc.year);
  try {
    const document = await db.$transaction(
      async (tx) => {
        // Write first, so SQLite takes its write lock at once (no deadlocked lock upgrade).
        // A new period starts at 1, except the shop's very first one: the starting number.
        await tx.$executeRaw`
          INSERT INTO "InvoiceCounter" ("shop", "series", "period", "next")
          SELECT ${doc.shop}, ${series}, ${period},
            CASE WHEN EXISTS (SELECT 1 FROM "InvoiceCounter" WHERE "shop" = ${doc.shop} AND "series" = ${series})
              THEN 1 ELSE ${format.startNumber} END
          WHERE true
          ON CONFLICT DO NOTHING`;
        const rows = await tx.$queryRaw<{ taken: number | bigint }[]>`
          UPDATE "InvoiceCounter" SET "next" = "next" + 1
          WHERE "shop" = ${doc.shop} AND "series" = ${series} AND "period" = ${period}
          RETURNING "next" - 1 AS "taken"`;
        const sequence = Number(rows[0]!.taken);
        const number = formatNumber(format, { year: doc.year, sequence });
        const { snapshot, year: _year, ...fields } = doc;
        return tx.invoice.create({
          data: {
            id: randomUUID(),
            ...fields,
            invoiceId: fields.invoiceId ?? null,
            customerId: fields.customerId ?? null,
            customerEmail: fields.customerEmail ?? null,
            customerName: fields.customerName ?? null,
            number,
            snapshot: JSON.stringify(snapshot(number)),
          },
        });
      },
      { maxWait: 30_000, timeout: 30_000 },
    );
    return { document, created: true };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const winner = await findBySource(doc, db);
    if (!winner) throw error;
    return { document: winner, created: false };
  }
}

export function getDocument({ shop, id }: { shop: string; id: string }) {
  return prisma.invoice.findFirst({ where: { shop, id } });
}

export function documentsOfOrder({ shop, orderId }: { shop: string; orderId: string }) {
  return prisma.invoice.findMany({ where: { shop, orderId }, orderBy: { issuedAt: "asc" } });
}

/** The credit notes (invoice ID and total) of these orders' documents, for the creditable amounts of a page. */
export async function creditNotesOfOrders({ shop, orderIds }: { shop: string; orderIds: string[] }) {
  if (orderIds.length === 0) return [];
  // By order only, so SQLite walks (shop, orderId) — with `kind` in the query it chose the
  // (shop, kind, issuedAt, id) index and read every credit note of the shop. An order has few documents.
  const documents = await prisma.invoice.findMany({
    where: { shop, orderId: { in: orderIds } },
    select: { kind: true, invoiceId: true, total: true },
  });
  return documents.filter((d) => d.kind === "credit_note");
}

export type DownloadSource = "shopper" | "admin" | "zip";

/** One document downloaded: its counter, and an event for the Home card's last 7 days. */
export async function countDownload({
  shop,
  id,
  source = "shopper",
}: {
  shop: string;
  id: string;
  source?: DownloadSource;
}) {
  await prisma.invoice.updateMany({ where: { shop, id }, data: { downloads: { increment: 1 } } });
  await recordDownload({ shop, source });
}

/** A download event (a ZIP records one event carrying its count of documents). */
export async function recordDownload({
  shop,
  source,
  documents = 1,
}: {
  shop: string;
  source: DownloadSource;
  documents?: number;
}) {
  if (documents <= 0) return;
  await prisma.invoiceDownload.create({ data: { shop, source, documents } });
}

/** Documents downloaded in the last `days` (shoppers, admin, ZIPs). */
export async function downloadsSince({ shop, days }: { shop: string; days: number }): Promise<number> {
  const since = new Date(Date.now() - days * 86_400_000);
  const sum = await prisma.invoiceDownload.aggregate({
    where: { shop, at: { gte: since } },
    _sum: { documents: true },
  });
  return sum._sum.documents ?? 0;
}
