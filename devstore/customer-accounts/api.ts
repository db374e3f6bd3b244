// The dev store's Customer Account API: Shopify's published 2026-10 customer schema on the
// generic executor (graphql/executor.ts), answering for one signed-in customer (their customer
// access token): `customer` with its orders (sortKey, reverse, pagination), `order(id:)` only
// for their own orders. Fields the records hold under the same name come from the records.
import type { GraphQLFieldResolver } from "graphql";
import type { ShopStore } from "../data/store";
import type { Customer, Fulfillment, Order } from "../data/types";
import { connection, createExecutor, publishedSchema, type ApiResponse } from "../graphql/executor";

export const CUSTOMER_API_VERSIONS = ["2026-10"];

interface Context {
  store: ShopStore;
  customerId: string;
  origin: string;
}

type Resolver = GraphQLFieldResolver<unknown, Context, Record<string, unknown>>;
const r = <S>(fn: (source: S, args: Record<string, unknown>, context: Context) => unknown) => fn as unknown as Resolver;

const SORT: Record<string, (o: Order) => number> = {
  CREATED_AT: (o) => Date.parse(o.createdAt),
  PROCESSED_AT: (o) => Date.parse(o.processedAt),
  UPDATED_AT: (o) => Date.parse(o.updatedAt),
  ORDER_NUMBER: (o) => o.number,
  TOTAL_PRICE: (o) => Number(o.totalPriceSet.presentmentMoney.amount),
  ID: (o) => Number(o.id.split("/").pop()),
};

const money = (bag: { presentmentMoney: { amount: string; currencyCode: string } }) => bag.presentmentMoney;

function fulfillmentStatus(order: Order): string {
  switch (order.displayFulfillmentStatus) {
    case "FULFILLED":
      return "FULFILLED";
    case "PARTIALLY_FULFILLED":
      return "PARTIALLY_FULFILLED";
    case "IN_PROGRESS":
      return "IN_PROGRESS";
    case "ON_HOLD":
      return "ON_HOLD";
    default:
      return "UNFULFILLED";
  }
}

function resolvers() {
  return {
    QueryRoot: {
      customer: r((_s, _a, c) => c.store.customersById.get(c.customerId) ?? null),
      order: r((_s, args, c) => {
        const order = c.store.ordersById.get(String(args.id));
        return order && order.customerId === c.customerId ? order : null;
      }),
      shop: r((_s, _a, c) => ({ ...c.store.shop, url: c.origin })),
    },
    Customer: {
      firstName: r((customer: Customer) => customer.firstName),
      displayName: r((customer: Customer) => customer.displayName),
      orders: r((customer: Customer, args, c) => {
        const key = SORT[String(args.sortKey ?? "ID")] ?? SORT.ID!;
        const list = c.store.data.orders.filter((o) => o.customerId === customer.id).sort((a, b) => key(a) - key(b));
        return connection(args.reverse === true ? list.reverse() : list, args);
      }),
    },
    Order: {
      financialStatus: r((o: Order) => o.displayFinancialStatus),
      fulfillmentStatus: r((o: Order) => fulfillmentStatus(o)),
      totalPrice: r((o: Order) => money(o.currentTotalPriceSet)),
      subtotal: r((o: Order) => money(o.subtotalPriceSet)),
      totalTax: r((o: Order) => money(o.totalTaxSet)),
      totalShipping: r((o: Order) => money(o.totalShippingPriceSet)),
      totalRefunded: r((o: Order) => money(o.totalRefundedSet)),
      currencyCode: r((o: Order) => o.presentmentCurrencyCode),
      statusPageUrl: r((o: Order, _a, c) => `${c.origin}/account/orders/${o.id.split("/").pop()}`),
      fulfillments: r((o: Order, args) =>
        connection(
          o.fulfillments.filter((f) => f.status !== "CANCELLED"),
          args,
        ),
      ),
      lineItems: r((o: Order, args) => connection(o.lineItems, args)),
    },
    Fulfillment: {
      status: r((f: Fulfillment) => f.status),
      latestShipmentStatus: r((f: Fulfillment) =>
        f.deliveredAt ? "DELIVERED" : f.inTransitAt ? "IN_TRANSIT" : f.status === "SUCCESS" ? "CONFIRMED" : null,
      ),
      trackingInformation: r((f: Fulfillment) => f.trackingInfo),
    },
  };
}

export interface CustomerAccountApi {
  execute(input: {
    store: ShopStore;
    customerId: string;
    origin: string;
    query?: unknown;
    variables?: unknown;
    operationName?: unknown;
  }): ApiResponse;
}

export function createCustomerAccountApi(): CustomerAccountApi {
  const executor = createExecutor<Context>({
    schema: publishedSchema(`customer-${CUSTOMER_API_VERSIONS[0]}`),
    resolvers: resolvers(),
    cost: { bucket: { maximumAvailable: 7500, restoreRate: 100 }, maxCost: 7500 },
  });
  return {
    execute: ({ store, customerId, origin, query, variables, operationName }) =>
      executor.execute({
        client: customerId,
        shop: store.shop.myshopifyDomain,
        query,
        variables,
        operationName,
        context: { store, customerId, origin },
      }),
  };
}
