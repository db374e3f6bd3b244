// Invoices and the compliance webhooks, on both databases.
import { beforeAll, describe, expect, it } from "vitest";
import { DATABASE_KINDS } from "../setup/db";
import { useTestDatabase } from "../support/app";

describe.each(DATABASE_KINDS)("invoices and GDPR on %s", (kind) => {
  const database = useTestDatabase(kind);
  let store: typeof import("~/features/invoices/store.server");
  let features: typeof import("~/features/index.server");
  let redaction: typeof import("~/privacy/redaction.server");

  beforeAll(async () => {
    store = await import("~/features/invoices/store.server");
    features = await import("~/features/index.server");
    redaction = await import("~/privacy/redaction.server");
  }, 60_000);

  const format = { prefix: "INV-", includeYear: true, yearlyReset: true, padding: 5, startNumber: 1 };
  const issue = (shop: string, orderNumber: number, issuedAt: Date, customer = 7) =>
    store.issueDocument(
      {
        shop,
        kind: "invoice",
        sourceKey: `order:gid://shopify/Order/${orderNumber}`,
        orderId: `gid://shopify/Order/${orderNumber}`,
        orderName: `#${orderNumber}`,
        customerId: `gid://shopify/Customer/${customer}`,
        customerEmail: `c${customer}@example.com`,
        customerName: "Ana Müller",
        currency: "EUR",
        total: "10.00",
        test: false,
        locale: "de",
        issuedAt,
        year: issuedAt.getUTCFullYear(),
        snapshot: (number) => ({ number, buyer: { name: "Ana Müller" } }),
      },
      format,
    );

  const credit = (shop: string, invoice: { id: string; orderId: string }, refund: number, issuedAt: Date) =>
    store.issueDocument(
      {
        shop,
        kind: "credit_note",
        sourceKey: `refund:gid://shopify/Refund/${refund}`,
        orderId: invoice.orderId,
        orderName: "#credit",
        invoiceId: invoice.id,
        customerId: "gid://shopify/Customer/7",
        customerEmail: "c7@example.com",
        customerName: "Ana Müller",
        currency: "EUR",
        total: "-5.00",
        test: false,
        locale: "de",
        issuedAt,
        year: issuedAt.getUTCFullYear(),
        snapshot: (number) => ({ number, buyer: { name: "Ana Müller" } }),
      },
      { ...format, prefix: "CN-" },
    );

  it("credit notes too: reported, kept within the retention period, older ones deleted", async () => {
    // GIVEN a customer's recent invoice with a recent credit note, and an old invoice with an old one
    const shop = "gdpr-credit.myshopify.com";
    const recent = await issue(shop, 11, new Date());
    const old = await issue(shop, 12, new Date(Date.now() - 11 * 365 * 24 * 3600 * 1000));
    const recentCredit = await credit(shop, recent.document, 1, new Date());
    const oldCredit = await credit(shop, old.document, 2, new Date(Date.now() - 11 * 365 * 24 * 3600 * 1000));

    // WHEN the customer's data is requested, THEN the credit notes are reported with the invoices
    const report = await redaction.exportCustomerData(features.REDACTORS, {
      shop,
      customer: { id: 7 },
      ordersRequested: [],
    });
    const reported = report.invoices as { kind: string; number: string }[];
    expect(
      reported
        .filter((d) => d.kind === "credit_note")
        .map((d) => d.number)
        .sort(),
    ).toEqual([recentCredit.document.number, oldCredit.document.number].sort());

    // WHEN the customer is redacted, THEN the recent credit note is kept (tax law), the old one deleted
    await redaction.redactCustomer(features.REDACTORS, { shop, customer: { id: 7 }, ordersToRedact: [] });
    expect(await store.getDocument({ shop, id: recentCredit.document.id })).not.toBeNull();
    expect(await store.getDocument({ shop, id: oldCredit.document.id })).toBeNull();
    expect(await store.getDocument({ shop, id: old.document.id })).toBeNull();

    // WHEN the shop is redacted, THEN no document or counter of either series is left
    await redaction.redactShop(features.REDACTORS, { shop });
    expect(await database.prisma.invoice.count({ where: { shop } })).toBe(0);
    expect(await database.prisma.invoiceCounter.count({ where: { shop } })).toBe(0);
  });

  it("reports a customer's invoices, keeps those tax law requires on customers/redact, deletes all on shop/redact", async () => {
    // GIVEN a recent invoice and one older than the retention period (10 years), and another customer's
    const shop = "gdpr.myshopify.com";
    const recent = await issue(shop, 1, new Date());
    const old = await issue(shop, 2, new Date(Date.now() - 11 * 365 * 24 * 3600 * 1000));
    await issue(shop, 3, new Date(), 8);

    // WHEN the customer's data is requested, THEN both of their invoices are in the report
    const report = await redaction.exportCustomerData(features.REDACTORS, {
      shop,
      customer: { id: 7 },
      ordersRequested: [],
    });
    expect((report.invoices as { number: string }[]).map((d) => d.number).sort()).toEqual(
      [recent.document.number, old.document.number].sort(),
    );

    // WHEN the customer is redacted, THEN the invoice within retention is kept, the old one deleted
    await redaction.redactCustomer(features.REDACTORS, { shop, customer: { id: 7 }, ordersToRedact: [1, 2] });
    expect(await store.getDocument({ shop, id: recent.document.id })).not.toBeNull();
    expect(await store.getDocument({ shop, id: old.document.id })).toBeNull();

    // WHEN the shop is redacted, THEN nothing of its invoices or counters is left
    await redaction.redactShop(features.REDACTORS, { shop });
    expect(await database.prisma.invoice.count({ where: { shop } })).toBe(0);
    expect(await database.prisma.invoiceCounter.count({ where: { shop } })).toBe(0);
  });
});
