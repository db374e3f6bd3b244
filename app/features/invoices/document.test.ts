import { describe, expect, it } from "vitest";
import { fromMinor, snapshotFromOrder, toMinor, totalsAddUp, type InvoiceOrder } from "./document";

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
