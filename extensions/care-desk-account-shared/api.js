/* global shopify */
// What both customer account extensions ask: the customer's orders from the Customer Account
// API (authenticated by the host), and the order's documents and download links from Care
// Desk's backend (a session token as Bearer; the backend checks the order is the customer's).
import { APP_URL, CUSTOMER_ACCOUNT_API } from "./config.js";

export const ORDERS_QUERY = `#graphql
  query CareDeskAccountOrders($first: Int!, $after: String) {
    customer {
      orders(first: $first, after: $after, sortKey: PROCESSED_AT, reverse: true) {
        nodes {
          id
          name
          processedAt
          cancelledAt
          financialStatus
          fulfillmentStatus
          totalPrice {
            amount
            currencyCode
          }
          fulfillments(first: 5) {
            nodes {
              status
              latestShipmentStatus
              trackingInformation {
                company
                number
                url
              }
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`;

export async function customerAccountQuery(query, variables) {
  const response = await fetch(CUSTOMER_ACCOUNT_API, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (!response.ok || body.errors) throw new Error("Customer Account API request failed");
  return body.data;
}

async function backend(path, payload) {
  const token = await shopify.sessionToken.get();
  const response = await fetch(`${APP_URL}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
    body: JSON.stringify(payload),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = new Error(body.error ?? `HTTP ${response.status}`);
    error.code = body.error ?? "unavailable";
    throw error;
  }
  return body;
}

/** Each order's documents ({ [orderId]: [{ key, kind, number }] }); others' orders are left out. */
export async function orderDocuments(orderIds) {
  if (orderIds.length === 0) return {};
  return (await backend("/api/account/documents", { orderIds })).orders;
}

/** A one-minute, single-use URL for one document of the customer's order. */
export async function documentUrl(orderId, document) {
  const locale = shopify.localization?.extensionLanguage?.value?.isoCode ?? "en";
  return (await backend("/api/account/documents/link", { orderId, document, locale })).url;
}

/** The order's status in plain words: a translation key. */
export function statusKey(order) {
  if (order.cancelledAt) return "status.cancelled";
  if (order.financialStatus === "REFUNDED") return "status.refunded";
  const shipments = order.fulfillments?.nodes ?? [];
  if (order.fulfillmentStatus === "FULFILLED") {
    return shipments.length > 0 && shipments.every((f) => f.latestShipmentStatus === "DELIVERED")
      ? "status.delivered"
      : "status.shipped";
  }
  if (order.fulfillmentStatus === "PARTIALLY_FULFILLED") return "status.partially_shipped";
  if (order.financialStatus === "PENDING" || order.financialStatus === "AUTHORIZED") return "status.awaiting_payment";
  return "status.preparing";
}

/** The first tracking number of the order's shipments, if any. */
export function trackingOf(order) {
  for (const fulfillment of order.fulfillments?.nodes ?? []) {
    const info = fulfillment.trackingInformation?.find((t) => t.number);
    if (info) return info;
  }
  return null;
}
