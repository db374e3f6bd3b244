// Admin API operations of the guest order lookup. A lookup costs exactly one request: the
// order search returns everything the result page shows.

const LOOKUP_ORDER_FIELDS = `#graphql
  fragment CareDeskLookupOrder on Order {
    id
    name
    createdAt
    cancelledAt
    email
    phone
    displayFinancialStatus
    displayFulfillmentStatus
    shippingAddress { city province provinceCode countryCodeV2 phone }
    billingAddress { phone }
    subtotalPriceSet { presentmentMoney { amount currencyCode } }
    totalShippingPriceSet { presentmentMoney { amount currencyCode } }
    totalTaxSet { presentmentMoney { amount currencyCode } }
    totalDiscountsSet { presentmentMoney { amount currencyCode } }
    totalPriceSet { presentmentMoney { amount currencyCode } }
    totalRefundedSet { presentmentMoney { amount currencyCode } }
    lineItems(first: 20) {
      nodes {
        id
        title
        variantTitle
        quantity
        image { url(transform: { maxWidth: 160, maxHeight: 160 }) altText }
        discountedTotalSet { presentmentMoney { amount currencyCode } }
      }
    }
    fulfillments(first: 10) {
      id
      status
      displayStatus
      createdAt
      inTransitAt
      deliveredAt
      estimatedDeliveryAt
      trackingInfo(first: 3) { company number url }
    }
  }
` as const;

/** The shopper's form: the order with this name (checked exactly by the caller). */
export const ORDER_LOOKUP_QUERY = `#graphql
  query CareDeskOrderLookup($query: String!) {
    orders(first: 1, query: $query, sortKey: CREATED_AT, reverse: true) {
      nodes { ...CareDeskLookupOrder }
    }
  }
  ${LOOKUP_ORDER_FIELDS}
` as const;

/** A verified session or emailed link: the order it was issued for. */
export const ORDER_BY_ID_QUERY = `#graphql
  query CareDeskOrderLookupById($id: ID!) {
    order(id: $id) { ...CareDeskLookupOrder }
  }
  ${LOOKUP_ORDER_FIELDS}
` as const;

/** What the lookup needs to know about the shop; cached in ShopSettings. */
export const SHOP_PROFILE_QUERY = `#graphql
  query CareDeskShopProfile {
    shop {
      name
      contactEmail
      ianaTimezone
      orderNumberFormatPrefix
      orderNumberFormatSuffix
      billingAddress { countryCodeV2 }
      primaryDomain { url }
    }
  }
` as const;
