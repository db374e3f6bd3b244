// The one set of Admin API fixtures of the unit tests, typed by codegen so that they stay
// what Shopify answers. Integration and browser tests use the dev store's seeded shop instead.
import type { CareDeskLookupOrderFragment, CareDeskShopProfileQuery } from "~/types/admin.generated";
import type { CountryCode, CurrencyCode } from "~/types/admin.types";

export const SHOP_PROFILE: CareDeskShopProfileQuery = {
  shop: {
    name: "Maple & Fern",
    myshopifyDomain: "maple-fern.myshopify.com",
    contactEmail: "hello@maple.example",
    currencyCode: "EUR" as CurrencyCode,
    ianaTimezone: "Europe/Berlin",
    orderNumberFormatPrefix: "#",
    orderNumberFormatSuffix: "",
    billingAddress: { countryCodeV2: "DE" as CountryCode },
    primaryDomain: { url: "https://maple.example" },
  },
};

const money = (amount: string, currencyCode = "EUR") => ({
  presentmentMoney: { amount, currencyCode: currencyCode as CurrencyCode },
});

/** An order as the lookup's operations return it; override what a test is about. */
export function lookupOrder(overrides: Partial<CareDeskLookupOrderFragment> = {}): CareDeskLookupOrderFragment {
  return {
    id: "gid://shopify/Order/1001",
    name: "#1001",
    createdAt: "2026-11-02T10:15:00Z",
    cancelledAt: null,
    email: "jane@example.com",
    phone: null,
    displayFinancialStatus: "PAID" as CareDeskLookupOrderFragment["displayFinancialStatus"],
    displayFulfillmentStatus: "UNFULFILLED" as CareDeskLookupOrderFragment["displayFulfillmentStatus"],
    shippingAddress: {
      city: "Berlin",
      province: null,
      provinceCode: null,
      countryCodeV2: "DE" as CountryCode,
      phone: null,
    },
    billingAddress: { phone: null },
    subtotalPriceSet: money("40.00"),
    totalShippingPriceSet: money("4.90"),
    totalTaxSet: money("7.60"),
    totalDiscountsSet: money("0.00"),
    totalPriceSet: money("44.90"),
    totalRefundedSet: money("0.00"),
    lineItems: {
      nodes: [
        {
          id: "gid://shopify/LineItem/1",
          title: "Linen apron",
          variantTitle: "Sage",
          quantity: 1,
          image: null,
          discountedTotalSet: money("40.00"),
        },
      ],
    },
    fulfillments: [],
    ...overrides,
  };
}
