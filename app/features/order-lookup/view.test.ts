import { describe, expect, it } from "vitest";
import { orderTimeline, orderView, type LookupOrder } from "./view";

const money = (amount: string, currencyCode = "EUR") => ({ presentmentMoney: { amount, currencyCode } });

function order(overrides: Record<string, unknown> = {}): LookupOrder {
  return {
    id: "gid://shopify/Order/1",
    name: "#1001",
    createdAt: "2026-10-02T09:30:00Z",
    cancelledAt: null,
    email: "jane@example.com",
    phone: null,
    displayFinancialStatus: "PAID",
    displayFulfillmentStatus: "UNFULFILLED",
    shippingAddress: { city: "Lyon", province: "Rhône", provinceCode: null, countryCodeV2: "FR", phone: null },
    billingAddress: { phone: null },
    subtotalPriceSet: money("100.00"),
    totalShippingPriceSet: money("5.00"),
    totalTaxSet: money("0.00"),
    totalDiscountsSet: money("10.00"),
    totalPriceSet: money("95.00"),
    totalRefundedSet: money("0.00"),
    lineItems: {
      nodes: [
        {
          id: "gid://shopify/LineItem/1",
          title: "Linen Apron",
          variantTitle: "Sage / M",
          quantity: 2,
          image: { url: "https://cdn.example/apron.jpg", altText: null },
          discountedTotalSet: money("100.00"),
        },
      ],
    },
    fulfillments: [],
    ...overrides,
  } as LookupOrder;
}

const shipment = (overrides: Record<string, unknown> = {}) => ({
  id: "gid://shopify/Fulfillment/1",
  status: "SUCCESS",
  displayStatus: "IN_TRANSIT",
  createdAt: "2026-10-03T10:00:00Z",
  inTransitAt: "2026-10-03T12:00:00Z",
  deliveredAt: null,
  estimatedDeliveryAt: "2026-10-06T12:00:00Z",
  trackingInfo: [{ company: "DHL Express", number: "JD0142", url: "https://www.dhl.com/track?id=JD0142" }],
  ...overrides,
});

const steps = (o: LookupOrder) => orderTimeline(o).map((s) => `${s.step}:${s.state}`);

describe("orderTimeline", () => {
  it("paid and waiting to ship", () => {
    expect(steps(order())).toEqual([
      "placed:done",
      "paid:current",
      "fulfilled:upcoming",
      "in_transit:upcoming",
      "delivered:upcoming",
    ]);
  });

  it("payment pending", () => {
    expect(steps(order({ displayFinancialStatus: "PENDING" }))[1]).toBe("payment_pending:upcoming");
  });

  it("shipped and on the way", () => {
    const o = order({ displayFulfillmentStatus: "FULFILLED", fulfillments: [shipment()] as never });
    expect(steps(o)).toEqual([
      "placed:done",
      "paid:done",
      "fulfilled:done",
      "in_transit:current",
      "delivered:upcoming",
    ]);
  });

  it("delivered", () => {
    const o = order({
      displayFulfillmentStatus: "FULFILLED",
      fulfillments: [shipment({ displayStatus: "DELIVERED", deliveredAt: "2026-10-05T08:00:00Z" })] as never,
    });
    expect(steps(o).at(-1)).toBe("delivered:current");
  });

  it("partly shipped is never delivered", () => {
    const o = order({
      displayFulfillmentStatus: "PARTIALLY_FULFILLED",
      fulfillments: [shipment({ displayStatus: "DELIVERED", deliveredAt: "2026-10-05T08:00:00Z" })] as never,
    });
    expect(steps(o)).toContain("partially_fulfilled:done");
    expect(steps(o)).toContain("delivered:upcoming");
  });

  it("cancelled and refunded", () => {
    const o = order({ cancelledAt: "2026-10-02T10:00:00Z", displayFinancialStatus: "REFUNDED" });
    expect(steps(o)).toEqual(["placed:done", "cancelled:done", "refunded:current"]);
  });

  it("partially refunded after delivery", () => {
    const o = order({
      displayFinancialStatus: "PARTIALLY_REFUNDED",
      displayFulfillmentStatus: "FULFILLED",
      fulfillments: [shipment({ displayStatus: "DELIVERED", deliveredAt: "2026-10-05T08:00:00Z" })] as never,
    });
    expect(steps(o).at(-1)).toBe("partially_refunded:current");
  });
});

describe("orderView", () => {
  const contact = { kind: "email" as const, value: "jane@example.com" };

  it("formats money in the presentment currency and dates for the shopper's locale", () => {
    const view = orderView(order(), { locale: "fr", timeZone: "Europe/Paris", contact });
    expect(view.placedOn).toBe("2 octobre 2026");
    expect(view.totals.find((t) => t.key === "total")?.value).toBe("95,00\u00a0€");
    expect(view.totals.find((t) => t.key === "discounts")?.value).toBe("−10,00\u00a0€");
    // zero tax and zero refunds are not listed
    expect(view.totals.map((t) => t.key)).toEqual(["subtotal", "shipping", "discounts", "total"]);
  });

  it("uses the shop's time zone for the date", () => {
    const late = order({ createdAt: "2026-10-02T23:30:00Z" });
    expect(orderView(late, { locale: "en", timeZone: "Asia/Tokyo", contact }).placedOn).toBe("October 3, 2026");
  });

  it("minimises personal data: city, region and country only; contact masked", () => {
    const view = orderView(order(), { locale: "en", timeZone: "UTC", contact });
    expect(view.shipTo).toBe("Lyon, Rhône, France");
    expect(view.contact).toBe("j•••@e•••.com");
    expect(JSON.stringify(view)).not.toContain("jane@example.com");
  });

  it("lists shipments with carrier, number and only http(s) tracking links", () => {
    const o = order({
      fulfillments: [
        shipment(),
        shipment({
          id: "gid://shopify/Fulfillment/2",
          trackingInfo: [{ company: "X", number: "1", url: "javascript:alert(1)" }],
        }),
        shipment({ id: "gid://shopify/Fulfillment/3", status: "CANCELLED" }),
      ] as never,
    });
    const view = orderView(o, { locale: "en", timeZone: "UTC", contact });
    expect(view.shipments).toHaveLength(2);
    expect(view.shipments[0]).toMatchObject({
      carrier: "DHL Express",
      number: "JD0142",
      url: "https://www.dhl.com/track?id=JD0142",
    });
    expect(view.shipments[1]?.url).toBeNull();
  });

  it("drops Shopify's 'Default Title' variant", () => {
    const o = order();
    o.lineItems.nodes[0]!.variantTitle = "Default Title";
    expect(orderView(o, { locale: "en", timeZone: "UTC", contact }).items[0]?.variantTitle).toBeNull();
  });
});
