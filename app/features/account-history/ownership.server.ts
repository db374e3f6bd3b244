// Whose orders: one Admin API call answers which of the asked orders belong to the customer.
// The customer comes from a verified session token (`sub`) or Shopify's signed proxy parameter
// (`logged_in_customer_id`), never from the request body. An order that does not exist, that
// the app cannot see, or that is someone else's is simply not owned: callers cannot tell apart.
import { adminQuery, type AdminGraphql } from "~/graphql.server";

export const ACCOUNT_ORDER_OWNERS_QUERY = `#graphql
  query CareDeskAccountOrderOwners($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Order {
        id
        customer {
          id
        }
      }
    }
  }
`;

/** At most this many orders are checked per request (one page of the account's order list). */
export const MAX_ORDERS_PER_REQUEST = 25;

const ORDER_GID = /^gid:\/\/shopify\/Order\/[1-9]\d{0,19}$/;
const CUSTOMER_GID = /^gid:\/\/shopify\/Customer\/[1-9]\d{0,19}$/;

export const isOrderGid = (value: unknown): value is string => typeof value === "string" && ORDER_GID.test(value);
export const isCustomerGid = (value: unknown): value is string => typeof value === "string" && CUSTOMER_GID.test(value);

/** An order id as the storefront writes it (`order.id` in Liquid: digits) or as a GID. */
export function orderGid(value: string | null | undefined): string | null {
  if (!value) return null;
  if (isOrderGid(value)) return value;
  return /^[1-9]\d{0,19}$/.test(value) ? `gid://shopify/Order/${value}` : null;
}

/** The subset of `orderIds` (valid Order GIDs) whose customer is `customerId`. */
export async function ownedOrders({
  graphql,
  customerId,
  orderIds,
}: {
  graphql: AdminGraphql;
  customerId: string;
  orderIds: readonly string[];
}): Promise<Set<string>> {
  const ids = [...new Set(orderIds)].filter(isOrderGid).slice(0, MAX_ORDERS_PER_REQUEST);
  if (!isCustomerGid(customerId) || ids.length === 0) return new Set();
  const { nodes } = await adminQuery(graphql, ACCOUNT_ORDER_OWNERS_QUERY, { ids });
  const owned = new Set<string>();
  for (const node of nodes) {
    if (node && "id" in node && node.customer?.id === customerId && ids.includes(node.id)) owned.add(node.id);
  }
  return owned;
}
