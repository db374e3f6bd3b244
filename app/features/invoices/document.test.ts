import { describe, expect, it } from "vitest";
import {
  creditNoteFromRefund,
  fromMinor,
  invoiceLanguage,
  manualCreditNote,
  snapshotFromOrder,
  toMinor,
  totalsAddUp,
  type CreditRefund,
  type InvoiceOrder,
} from "./document";

const m = (amount: string, currencyCode = "EUR") => ({ presentmentMoney: { amount, currencyCode } });
const tax = (title: string, rate: number, amount: string, currency = "EUR") => ({
  title,
  rate,
  ratePercentage: Math.round(rate * 10000) / 100,
  priceSet: m(amount, currency),
});

function order(overrides: Partial<InvoiceOrder> = {}): InvoiceOrder {
  return {
    id: "gid://shopify/Order/1",
    name: "#1001",
    test: false,
    email: "ana@example.com",
    customerLocale: "de-DE",
    taxesIncluded: true,
    presentmentCurrencyCode: "EUR",
    processedAt: "2026-03-01T10:00:00Z",
    billingAddress: { name: "Ana Müller", address1: "Linden 1", zip: "10115", city: "Berlin", country: "Germany" },
    purchasingEntity: null,
    // 2 × 11.90 (19 %) + 1 × 10.70 (7 %), 5.00 off the order, 4.90 shipping (19 %)
    taxLines: [tax("MwSt", 0.19, "4.58"), tax("MwSt", 0.07, "0.70")],
    lineItems: {
      nodes: [
        {
          title: "Mug",
          variantTitle: "Blue",
          sku: "MUG-B",
          quantity: 2,
          originalUnitPriceSet: m("11.90"),
          totalDiscountSet: m("0.00"),
          taxLines: [tax("MwSt", 0.19, "3.80")],
        },
        {
          title: "Book",
          sku: "",
          quantity: 1,
          originalUnitPriceSet: m("10.70"),
          totalDiscountSet: m("0.00"),
          taxLines: [tax("MwSt", 0.07, "0.70")],
        },
      ],
    },
    shippingLines: { nodes: [{ title: "DHL", discountedPriceSet: m("4.90"), taxLines: [tax("MwSt", 0.19, "0.78")] }] },
    totalShippingPriceSet: m("4.90"),
    totalTaxSet: m("5.28"),
    totalDiscountsSet: m("5.00"),
    totalPriceSet: m("34.40"),
    fulfillments: [{ createdAt: "2026-03-03T23:30:00Z" }],
    ...overrides,
  };
}

const options = {
  number: "INV-2026-00001",
  issuedAt: new Date("2026-03-04T08:00:00Z"),
  timeZone: "Europe/Berlin",
  seller: { name: "Maple GmbH", address: ["Hauptstr. 1", "10115 Berlin"], taxIds: ["DE123456789"] },
};

describe("invoice snapshot", () => {
  it("tax-inclusive order: gross lines, tax per rate inside the total, dates in the shop's zone", () => {
    const s = snapshotFromOrder(order(), options);
    expect(s.lines.map((l) => [l.title, l.quantity, l.unitPrice, l.total, l.taxRate])).toEqual([
      ["Mug", 2, "11.90", "23.80", 19],
      ["Book", 1, "10.70", "10.70", 7],
    ]);
    expect(s.lines[1]!.sku).toBeNull();
    expect(s.subtotal).toBe("34.50");
    expect(s.discount).toBe("5.00");
    expect(s.taxes).toEqual([
      { title: "MwSt", rate: 19, amount: "4.58" },
      { title: "MwSt", rate: 7, amount: "0.70" },
    ]);
    expect(s.taxTotal).toBe("5.28");
    expect(s.total).toBe("34.40");
    expect(totalsAddUp(s)).toBe(true);
    // fulfilled 23:30 UTC = the next day in Berlin
    expect(s.supplyDate).toBe("2026-03-04");
    expect(s.issueDate).toBe("2026-03-04");
    expect(s.language).toBe("de");
    expect(s.buyer).toMatchObject({ name: "Ana Müller", address: ["Linden 1", "10115 Berlin", "Germany"] });
    expect(s.seller.taxIds).toEqual(["DE123456789"]);
  });

  it("tax-exclusive order: tax is added to the net amounts", () => {
    const usd = (a: string) => m(a, "USD");
    const s = snapshotFromOrder(
      order({
        taxesIncluded: false,
        presentmentCurrencyCode: "USD",
        customerLocale: null,
        taxLines: [tax("CA State Tax", 0.0725, "2.18", "USD")],
        lineItems: {
          nodes: [
            {
              title: "Mug",
              quantity: 3,
              originalUnitPriceSet: usd("10.00"),
              totalDiscountSet: usd("3.00"),
              taxLines: [tax("CA State Tax", 0.0725, "2.18", "USD")],
            },
          ],
        },
        shippingLines: { nodes: [] },
        totalShippingPriceSet: usd("0.00"),
        totalTaxSet: usd("2.18"),
        totalDiscountsSet: usd("3.00"),
        totalPriceSet: usd("29.18"),
      }),
      options,
    );
    expect(s.lines[0]).toMatchObject({ unitPrice: "10.00", discount: "3.00", total: "27.00", taxRate: 7.25 });
    // the line discount is in the line, not again on the order
    expect(s.discount).toBe("0.00");
    expect(s.taxes).toEqual([{ title: "CA State Tax", rate: 7.25, amount: "2.18" }]);
    expect(s.language).toBe("en");
    expect(totalsAddUp(s)).toBe(true);
  });

  it("B2B order: the company and its tax registration are the buyer", () => {
    const s = snapshotFromOrder(
      order({
        purchasingEntity: {
          __typename: "PurchasingCompany",
          company: { name: "Acme SARL" },
          location: { taxSettings: { taxRegistrationId: "FR12345678901" } },
        },
      }),
      options,
    );
    expect(s.buyer.company).toBe("Acme SARL");
    expect(s.buyer.taxIds).toEqual(["FR12345678901"]);
  });

  it("yen has no minor unit, and amounts never go through floats", () => {
    expect(toMinor("1200", 0)).toBe(1200);
    expect(fromMinor(1200, 0)).toBe("1200");
    expect(toMinor("0.1", 2) + toMinor("0.2", 2)).toBe(30);
    expect(fromMinor(-505, 2)).toBe("-5.05");
  });
});

describe("credit notes", () => {
  const invoice = snapshotFromOrder(order(), options);
  const credit = { number: "CN-2026-00001", issuedAt: new Date("2026-03-10T09:00:00Z"), timeZone: "Europe/Berlin" };
  const mugTax = [tax("MwSt", 0.19, "3.80")];
  const refund = (overrides: Partial<CreditRefund> = {}): CreditRefund => ({
    id: "gid://shopify/Refund/1",
    note: "Broken handle",
    // one mug (11.90 incl. 1.90 tax) and the shipping (4.90 incl. 0.78 tax)
    totalRefundedSet: m("16.80"),
    refundLineItems: {
      nodes: [
        {
          quantity: 1,
          priceSet: m("11.90"),
          subtotalSet: m("11.90"),
          totalTaxSet: m("1.90"),
          lineItem: { title: "Mug", variantTitle: "Blue", sku: "MUG-B", taxLines: mugTax },
        },
      ],
    },
    refundShippingLines: {
      nodes: [
        {
          shippingLine: { title: "DHL", taxLines: [tax("MwSt", 0.19, "0.78")] },
          subtotalAmountSet: m("4.90"),
          taxAmountSet: m("0.78"),
        },
      ],
    },
    ...overrides,
  });

  it("a refund of a line and the shipping: negative amounts, tax per rate, the invoice referenced", () => {
    const s = creditNoteFromRefund(refund(), invoice, credit);
    expect(s).toMatchObject({ kind: "credit_note", number: "CN-2026-00001", invoiceNumber: "INV-2026-00001" });
    expect(s.lines.map((l) => [l.title, l.quantity, l.unitPrice, l.total, l.taxRate])).toEqual([
      ["Mug", 1, "-11.90", "-11.90", 19],
    ]);
    expect(s.shipping).toEqual([{ title: "DHL", amount: "-4.90", taxRate: 19 }]);
    expect(s.taxes).toEqual([{ title: "MwSt", rate: 19, amount: "-2.68" }]);
    expect(s.total).toBe("-16.80");
    expect(s.adjustment).toBe("0.00");
    expect(totalsAddUp(s)).toBe(true);
    // parties, language and supply date come from the invoice; the issue date is the credit's
    expect(s.buyer).toEqual(invoice.buyer);
    expect(s.seller).toEqual(invoice.seller);
    expect(s.language).toBe("de");
    expect(s.supplyDate).toBe(invoice.supplyDate);
    expect(s.issueDate).toBe("2026-03-10");
    expect(s.note).toBe("Broken handle");
  });

  it("tax-exclusive refund: the tax is added to the net amounts", () => {
    const usd = (a: string) => m(a, "USD");
    const exclusive = { ...invoice, currency: "USD", taxesIncluded: false };
    const s = creditNoteFromRefund(
      refund({
        totalRefundedSet: usd("21.45"),
        refundLineItems: {
          nodes: [
            {
              quantity: 2,
              priceSet: usd("10.00"),
              subtotalSet: usd("20.00"),
              totalTaxSet: usd("1.45"),
              lineItem: { title: "Mug", taxLines: [tax("State Tax", 0.0725, "2.18", "USD")] },
            },
          ],
        },
        refundShippingLines: { nodes: [] },
      }),
      exclusive,
      credit,
    );
    expect(s.lines[0]).toMatchObject({ quantity: 2, unitPrice: "-10.00", total: "-20.00", taxRate: 7.25 });
    expect(s.taxes).toEqual([{ title: "State Tax", rate: 7.25, amount: "-1.45" }]);
    expect(s.total).toBe("-21.45");
    expect(totalsAddUp(s)).toBe(true);
  });

  it("an amount-only refund is an adjustment; a refund short of its lines too", () => {
    const amountOnly = creditNoteFromRefund(
      refund({ totalRefundedSet: m("5.00"), refundLineItems: { nodes: [] }, refundShippingLines: { nodes: [] } }),
      invoice,
      credit,
    );
    expect(amountOnly).toMatchObject({ lines: [], adjustment: "-5.00", total: "-5.00" });
    expect(totalsAddUp(amountOnly)).toBe(true);
    const short = creditNoteFromRefund(refund({ totalRefundedSet: m("10.00") }), invoice, credit);
    expect(short).toMatchObject({ adjustment: "6.80", total: "-10.00" });
    expect(totalsAddUp(short)).toBe(true);
  });

  it("a manual credit note works out the tax inside gross amounts, or on top of net ones", () => {
    const lines = [
      { description: "Goodwill", quantity: 1, unitPrice: "11.90", taxRate: 19 },
      { description: "Price correction", quantity: 2, unitPrice: "1.07", taxRate: 7 },
    ];
    const gross = manualCreditNote(invoice, { ...credit, lines, reason: "Late delivery" });
    expect(gross.lines.map((l) => l.total)).toEqual(["-11.90", "-2.14"]);
    expect(gross.taxes).toEqual([
      { title: "MwSt", rate: 19, amount: "-1.90" },
      { title: "MwSt", rate: 7, amount: "-0.14" },
    ]);
    expect(gross.total).toBe("-14.04");
    expect(totalsAddUp(gross)).toBe(true);
    const net = manualCreditNote({ ...invoice, taxesIncluded: false }, { ...credit, lines, reason: null });
    expect(net.taxes).toEqual([
      { title: "MwSt", rate: 19, amount: "-2.26" },
      { title: "MwSt", rate: 7, amount: "-0.15" },
    ]);
    expect(net.total).toBe("-16.45");
    expect(totalsAddUp(net)).toBe(true);
  });
});

describe("B2B totals", () => {
  it("a tax-exclusive B2B order: company, tax ID, net lines and tax that add up", () => {
    const eur = (a: string) => m(a);
    const s = snapshotFromOrder(
      order({
        taxesIncluded: false,
        purchasingEntity: {
          __typename: "PurchasingCompany",
          company: { name: "Nordlicht Handels GmbH" },
          location: { taxSettings: { taxRegistrationId: "DE123456789" } },
        },
        billingAddress: { name: "Jonas Weber", company: "ignored when a company buys", city: "Berlin" },
        // 10 × 8.00 net (19 %), 5.00 shipping net (19 %)
        taxLines: [tax("MwSt", 0.19, "16.15")],
        lineItems: {
          nodes: [
            {
              title: "Mug",
              quantity: 10,
              originalUnitPriceSet: eur("8.00"),
              totalDiscountSet: eur("0.00"),
              taxLines: [tax("MwSt", 0.19, "15.20")],
            },
          ],
        },
        shippingLines: {
          nodes: [{ title: "DHL", discountedPriceSet: eur("5.00"), taxLines: [tax("MwSt", 0.19, "0.95")] }],
        },
        totalShippingPriceSet: eur("5.00"),
        totalTaxSet: eur("16.15"),
        totalDiscountsSet: eur("0.00"),
        totalPriceSet: eur("101.15"),
      }),
      options,
    );
    expect(s.buyer).toMatchObject({ company: "Nordlicht Handels GmbH", name: "Jonas Weber", taxIds: ["DE123456789"] });
    expect(s.subtotal).toBe("80.00");
    expect(s.taxes).toEqual([{ title: "MwSt", rate: 19, amount: "16.15" }]);
    expect(s.total).toBe("101.15");
    expect(totalsAddUp(s)).toBe(true);
  });

  it("a B2B location without a tax registration prints no tax ID", () => {
    const s = snapshotFromOrder(
      order({
        purchasingEntity: {
          __typename: "PurchasingCompany",
          company: { name: "Harbor Supply Co." },
          location: { taxSettings: { taxRegistrationId: null } },
        },
      }),
      options,
    );
    expect(s.buyer.company).toBe("Harbor Supply Co.");
    expect(s.buyer.taxIds).toEqual([]);
  });

  it("a retail order bought by a customer has no company unless the billing address names one", () => {
    const s = snapshotFromOrder(order({ purchasingEntity: { __typename: "Customer" } }), options);
    expect(s.buyer.company).toBeNull();
    expect(s.buyer.taxIds).toEqual([]);
  });
});

describe("invoice language", () => {
  it("the order's customer locale, else the shop's primary locale, else English", () => {
    expect(invoiceLanguage("fr-CA", "de")).toBe("fr");
    expect(invoiceLanguage("pt-BR", "de")).toBe("de");
    expect(invoiceLanguage(null, "ja")).toBe("ja");
    expect(invoiceLanguage(null)).toBe("en");
    const s = snapshotFromOrder(order({ customerLocale: null }), { ...options, fallbackLanguage: "es" });
    expect(s.language).toBe("es");
    expect(snapshotFromOrder(order({ customerLocale: "ja" }), { ...options, fallbackLanguage: "es" }).language).toBe(
      "ja",
    );
  });
});
