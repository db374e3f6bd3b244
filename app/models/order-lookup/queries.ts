// Admin API operations of the guest order lookup. One call per lookup: the order search
// returns everything the result page shows, so a successful lookup costs exactly one request.

export const ORDER_LOOKUP_QUERY = `#graphql
  query CareDeskOrderLookup($query: String!) {
    orders(first: 1, query: $query, sortKey: CREATED_AT, reverse: true) {
      nodes {
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
          pageInfo { hasNextPage }
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
    }
  }
`;
