// Manual credit notes (the admin's "issue credit note"), on both databases: idempotent per key,
// numbered in their own series, never more than the invoice, only for the shop's own invoices.
import { beforeAll, describe, expect, it } from "vitest";
import type { InvoiceSnapshot } from "~/features/invoices/document";
import { testPng } from "~/features/invoices/logo-png.test-support";
import { DATABASE_KINDS } from "../setup/db";
import { useTestDatabase } from "../support/app";
import { fakeAdmin } from "../support/fake-admin";

const invoiceSnapshot = (number: string): InvoiceSnapshot => ({
  version: 1,
  kind: "invoice",
  number,
  invoiceNumber: null,
  orderName: "#1001",
  issueDate: "2026-03-04",
  supplyDate: "2026-03-03",
  language: "de",
  currency: "EUR",
  taxesIncluded: true,
  test: false,
  seller: { name: "Maple GmbH", company: null, address: [], taxIds: ["DE999999999"], email: null },
  buyer: { name: "Ana Müller", company: null, address: [], taxIds: [], email: "ana@example.com" },
  lines: [
    {
      title: "Mug",
      variantTitle: null,
      sku: null,
      quantity: 2,
      unitPrice: "11.90",
      discount: "0.00",
      total: "23.80",
      taxRate: 19,
    },
  ],
  shipping: [],
  discount: "0.00",
  taxes: [{ title: "MwSt", rate: 19, amount: "3.80" }],
  subtotal: "23.80",
  shippingTotal: "0.00",
  taxTotal: "3.80",
  total: "23.80",
  note: null,
});

describe.each(DATABASE_KINDS)("manual credit notes on %s", (kind) => {
  const database = useTestDatabase(kind);
  let store: typeof import("~/features/invoices/store.server");
  let model: typeof import("~/features/invoices/model.server");
  let settings: typeof import("~/features/invoices/settings.server");
  let logos: typeof import("~/features/invoices/logo.server");
  let redactor: typeof import("~/features/invoices/redact.server");

  beforeAll(async () => {
    store = await import("~/features/invoices/store.server");
    model = await import("~/features/invoices/model.server");
    settings = await import("~/features/invoices/settings.server");
    logos = await import("~/features/invoices/logo.server");
    redactor = await import("~/features/invoices/redact.server");
  }, 60_000);

  const profile = (shop: string) =>
    database.prisma.shopProfile.create({
      data: {
        shop,
        name: "Maple",
        contactEmail: "help@maple.example",
        currencyCode: "EUR",
        ianaTimezone: "Europe/Berlin",
        storefrontUrl: "https://maple.example",
        refreshedAt: new Date(),
      },
    });
  const settingsForm = (extra: Record<string, string | File>) => {
    const form = new FormData();
    const fields = {
      intent: "invoices",
      trigger: "paid",
      legalName: "Maple GmbH",
      address: "",
      taxIds: "",
      prefix: "INV-",
      creditPrefix: "CN-",
      includeYear: "true",
      yearlyReset: "true",
      padding: "5",
      startNumber: "1",
      retentionYears: "10",
      emailOnIssue: "false",
      ...extra,
    };
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    return form;
  };

  it("a logo uploaded in Settings is stored once, printed on documents issued after, kept by them, and gone on shop/redact", async () => {
    const shop = "logo.myshopify.com";
    await profile(shop);
    // WHEN the merchant uploads a PNG; THEN it is stored and its ID saved
    const png = testPng(400, 100);
    const saved = await settings.saveInvoiceSettings({
      shop,
      form: settingsForm({ logo: new File([new Uint8Array(png)], "logo.png", { type: "image/png" }) }),
    });
    expect(saved).toEqual({ ok: true, error: null });
    const { logoId } = await settings.loadInvoiceSettings({ shop });
    expect(logoId).toMatch(/^[a-f0-9]{64}$/);
    expect((await logos.loadLogo({ shop, id: logoId }))?.equals(png)).toBe(true);
    // a GIF renamed .png is refused, and the logo stays
    const gif = new File([Buffer.from("GIF89a....", "latin1")], "logo.png", { type: "image/png" });
    expect(await settings.saveInvoiceSettings({ shop, form: settingsForm({ logo: gif }) })).toMatchObject({
      ok: false,
    });
    // saving without a file keeps it
    expect(await settings.saveInvoiceSettings({ shop, form: settingsForm({}) })).toMatchObject({ ok: true });
    expect((await settings.loadInvoiceSettings({ shop })).logoId).toBe(logoId);

    // WHEN a document is issued, THEN it records the logo and renders with it
    const { document: invoice } = await store.issueDocument(
      {
        shop,
        kind: "invoice",
        sourceKey: "order:gid://shopify/Order/7",
        orderId: "gid://shopify/Order/7",
        orderName: "#7",
        currency: "EUR",
        total: "23.80",
        test: false,
        locale: "de",
        issuedAt: new Date(),
        year: 2026,
        snapshot: invoiceSnapshot,
      },
      { prefix: "INV-", includeYear: true, yearlyReset: true, padding: 5, startNumber: 1 },
    );
    const credit = await model.issueManualCreditNote({
      shop,
      graphql: fakeAdmin([]).graphql,
      invoiceId: invoice.id,
      key: "k",
      lines: [{ description: "Goodwill", quantity: 1, unitPrice: "1.00", taxRate: 19 }],
    });
    if (!credit.ok) throw new Error(credit.error);
    expect((JSON.parse(credit.document.snapshot) as InvoiceSnapshot).logoId).toBe(logoId);
    const pdf = await logos.renderDocument(credit.document);
    expect(pdf.includes(Buffer.from("/Subtype /Image"))).toBe(true);

    // WHEN the logo is removed, THEN new documents have none, and the issued one keeps its own
    expect(await settings.saveInvoiceSettings({ shop, form: settingsForm({ removeLogo: "true" }) })).toMatchObject({
      ok: true,
    });
    expect((await settings.loadInvoiceSettings({ shop })).logoId).toBe("");
    expect((await logos.renderDocument(credit.document)).equals(pdf)).toBe(true);

    // WHEN the shop is redacted, THEN its logos are gone
    await redactor.invoicesRedactor.redactShop({ shop });
    expect(await database.prisma.invoiceLogo.count({ where: { shop } })).toBe(0);
  });

  it("issues a credit note once per key, in its own series, never beyond the invoice's total", async () => {
    // GIVEN a shop (its profile cached: no Admin API call) with an invoice of 23.80
    const shop = "manual-credit.myshopify.com";
    await profile(shop);
    const format = { prefix: "INV-", includeYear: true, yearlyReset: true, padding: 5, startNumber: 1 };
    const { document: invoice } = await store.issueDocument(
      {
        shop,
        kind: "invoice",
        sourceKey: "order:gid://shopify/Order/1001",
        orderId: "gid://shopify/Order/1001",
        orderName: "#1001",
        customerEmail: "ana@example.com",
        currency: "EUR",
        total: "23.80",
        test: false,
        locale: "de",
        issuedAt: new Date("2026-03-04T08:00:00Z"),
        year: 2026,
        snapshot: invoiceSnapshot,
      },
      format,
    );
    const admin = fakeAdmin([]);
    const issue = (key: string, unitPrice: string, otherShop = shop) =>
      model.issueManualCreditNote({
        shop: otherShop,
        graphql: admin.graphql,
        invoiceId: invoice.id,
        key,
        lines: [{ description: "Goodwill", quantity: 1, unitPrice, taxRate: 19 }],
        reason: "Late delivery",
        now: new Date("2026-03-10T08:00:00Z"),
      });

    // WHEN the merchant credits 11.90, twice with the same form key
    const first = await issue("form-1", "11.90");
    const again = await issue("form-1", "11.90");
    // THEN one credit note: CN-2026-00001 for −11.90, correcting the invoice
    expect(first).toMatchObject({ ok: true, created: true });
    expect(again).toMatchObject({ ok: true, created: false });
    if (!first.ok || !again.ok) throw new Error("not issued");
    expect(again.document.id).toBe(first.document.id);
    expect(first.document).toMatchObject({ number: "CN-2026-00001", total: "-11.90", invoiceId: invoice.id });
    const snapshot = JSON.parse(first.document.snapshot) as InvoiceSnapshot;
    expect(snapshot).toMatchObject({ kind: "credit_note", invoiceNumber: invoice.number, note: "Late delivery" });
    expect(snapshot.taxes).toEqual([{ title: "MwSt", rate: 19, amount: "-1.90" }]);
    expect(await model.creditableAmount({ shop, invoiceId: invoice.id })).toEqual({ currency: "EUR", amount: "11.90" });

    // WHEN more than what is left is credited, THEN it is refused; what is left is accepted
    expect(await issue("form-2", "12.00")).toEqual({ ok: false, error: "exceeds_invoice" });
    const rest = await issue("form-3", "11.90");
    expect(rest).toMatchObject({ ok: true, created: true, document: { number: "CN-2026-00002" } });

    // AND another shop cannot credit this shop's invoice; a credit note cannot be credited
    expect(await issue("form-4", "1.00", "other.myshopify.com")).toEqual({ ok: false, error: "not_found" });
    const ofCredit = await model.issueManualCreditNote({
      shop,
      graphql: admin.graphql,
      invoiceId: first.document.id,
      key: "form-5",
      lines: [{ description: "x", quantity: 1, unitPrice: "1.00", taxRate: null }],
    });
    expect(ofCredit).toEqual({ ok: false, error: "not_an_invoice" });
    // invalid lines are refused
    const invalid = await model.issueManualCreditNote({
      shop,
      graphql: admin.graphql,
      invoiceId: invoice.id,
      key: "form-6",
      lines: [{ description: " ", quantity: 0, unitPrice: "-1", taxRate: 19 }],
    });
    expect(invalid).toEqual({ ok: false, error: "invalid_line" });
    admin.done();
  });
});
