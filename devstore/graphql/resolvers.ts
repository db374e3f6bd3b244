// Field resolvers where the Admin API's shape differs from the stored records. Everything
// else is served by the executor's default resolver straight from the records.
import { createHash, randomUUID } from "node:crypto";
import type { GraphQLFieldResolver } from "graphql";
import { findMetafield as findIn, resolveNamespace } from "../data/metafields";
import type { ShopStore } from "../data/store";
import type { Customer, Fulfillment, Image, LineItem, Metafield, Order, Product, Refund } from "../data/types";
import { connection } from "./executor";
import { matches, parseSearch } from "./search";

export interface Context {
  store: ShopStore;
  /** The calling app (its API key): what `$app` namespaces resolve to. */
  app: string;
  scopes: string[];
  origin: string;
  now: number;
  persist: () => void;
}

type Resolver = GraphQLFieldResolver<unknown, Context, Record<string, unknown>>;
type Args = Record<string, unknown>;

const DAY = 86_400_000;
const numericId = (gid: string) => gid.split("/").pop() ?? "";

/** Without read_all_orders an app sees only the last 60 days of orders, as on Shopify. */
function visible(order: Order, context: Context): boolean {
  return context.scopes.includes("read_all_orders") || Date.parse(order.createdAt) >= context.now - 60 * DAY;
}

function orderSearchValues(order: Order, field: string | null, context: Context): (string | number | null)[] {
  switch (field) {
    case null: {
      const customer = order.customerId ? context.store.customersById.get(order.customerId) : undefined;
      return [
        order.name,
        order.name.replace(/^#/, ""),
        order.email,
        customer?.firstName ?? null,
        customer?.lastName ?? null,
      ];
    }
    case "name":
      return [order.name, order.name.replace(/^#/, "")];
    case "email":
      return [order.email];
    case "phone":
      return [order.phone, order.shippingAddress?.phone ?? null, order.billingAddress?.phone ?? null];
    case "customer_id":
      return [order.customerId ? numericId(order.customerId) : null];
    case "id":
      return [numericId(order.id)];
    case "confirmation_number":
      return [order.confirmationNumber];
    case "created_at":
      return [Date.parse(order.createdAt)];
    case "processed_at":
      return [Date.parse(order.processedAt)];
    case "updated_at":
      return [Date.parse(order.updatedAt)];
    case "financial_status":
      return [order.displayFinancialStatus];
    case "fulfillment_status": {
      const s = order.displayFulfillmentStatus;
      return [
        s,
        s === "FULFILLED"
          ? "shipped"
          : s === "UNFULFILLED"
            ? "unshipped"
            : s === "PARTIALLY_FULFILLED"
              ? "partial"
              : null,
      ];
    }
    case "status":
      return [order.cancelledAt ? "cancelled" : order.closed ? "closed" : "open"];
    case "tag":
      return order.tags;
    default:
      return [];
  }
}

const ORDER_SORT: Record<string, (o: Order) => number | string> = {
  ID: (o) => o.number,
  ORDER_NUMBER: (o) => o.number,
  CREATED_AT: (o) => o.createdAt,
  PROCESSED_AT: (o) => o.processedAt,
  UPDATED_AT: (o) => o.updatedAt,
};

function searchOrders(context: Context, args: Args, scope?: (o: Order) => boolean): Order[] {
  const { store } = context;
  const query = typeof args.query === "string" ? args.query : "";
  const tree = parseSearch(query);
  // Fast paths for the lookups apps make most: by name and by email.
  let candidates: Order[] = store.data.orders;
  if (tree?.kind === "term" && tree.op === ":" && tree.field === "name") {
    const order =
      store.ordersByName.get(tree.value.toUpperCase()) ?? store.ordersByName.get(`#${tree.value}`.toUpperCase());
    candidates = order ? [order] : [];
  } else if (tree?.kind === "term" && tree.op === ":" && tree.field === "email") {
    candidates = store.ordersByEmail.get(tree.value.toLowerCase()) ?? [];
  }
  const result = candidates.filter(
    (order) =>
      visible(order, context) &&
      (!scope || scope(order)) &&
      matches(tree, (field) => orderSearchValues(order, field, context)),
  );
  const key = ORDER_SORT[String(args.sortKey ?? "ID")] ?? ORDER_SORT.ID!;
  result.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  if (args.reverse === true) result.reverse();
  return result;
}

function findMetafield(owner: { metafields: Metafield[] }, args: Args, context: Context): Metafield | null {
  const namespace = typeof args.namespace === "string" ? args.namespace : "$app";
  return findIn(owner.metafields, namespace, args.key, context.app);
}

const metafieldFields = {
  metafield: ((owner: { metafields: Metafield[] }, args: Args, context: Context) =>
    findMetafield(owner, args, context)) as unknown as Resolver,
  metafields: ((owner: { metafields: Metafield[] }, args: Args, context: Context) =>
    connection(
      owner.metafields.filter(
        (m) => !args.namespace || m.namespace === resolveNamespace(String(args.namespace), context.app),
      ),
      args,
    )) as unknown as Resolver,
};

function withTypename<T extends object>(value: T, typename: string): T {
  return { __typename: typename, ...value };
}

export function createResolvers(): Record<string, Record<string, Resolver>> {
  const r = <S>(fn: (source: S, args: Args, context: Context) => unknown) => fn as unknown as Resolver;

  return {
    QueryRoot: {
      shop: r((_s, _a, c) => c.store.shop),
      shopLocales: r((_s, args, c) =>
        c.store.shop.locales.filter(
          (l) => args.published === undefined || args.published === null || l.published === args.published,
        ),
      ),
      orders: r((_s, args, c) => connection(searchOrders(c, args), args)),
      order: r((_s, args, c) => {
        const order = c.store.ordersById.get(String(args.id));
        return order && visible(order, c) ? order : null;
      }),
      refund: r((_s, args, c) => {
        const refund = c.store.refundsById.get(String(args.id));
        const order = refund && c.store.orderOf.get(refund);
        return refund && order && visible(order, c) ? refund : null;
      }),
      customer: r((_s, args, c) => c.store.customersById.get(String(args.id)) ?? null),
      customers: r((_s, args, c) => {
        const tree = parseSearch(typeof args.query === "string" ? args.query : "");
        const list = c.store.data.customers.filter((customer) =>
          matches(tree, (field) => {
            if (field === "email") return [customer.email];
            if (field === "phone") return [customer.phone];
            if (field === "first_name") return [customer.firstName];
            if (field === "last_name") return [customer.lastName];
            if (field === "id") return [numericId(customer.id)];
            return [customer.email, customer.firstName, customer.lastName, customer.displayName];
          }),
        );
        return connection(args.reverse === true ? [...list].reverse() : list, args);
      }),
      product: r((_s, args, c) => c.store.productsById.get(String(args.id)) ?? null),
      productByHandle: r((_s, args, c) => c.store.productByHandle(String(args.handle)) ?? null),
      products: r((_s, args, c) => {
        const tree = parseSearch(typeof args.query === "string" ? args.query : "");
        const list = c.store.data.products.filter((p) =>
          matches(tree, (field) =>
            field === "handle"
              ? [p.handle]
              : field === "title"
                ? [p.title]
                : field === "id"
                  ? [numericId(p.id)]
                  : [p.title, p.handle],
          ),
        );
        return connection(list, args);
      }),
      node: r((_s, args, c) => visibleNode(String(args.id), c)),
      nodes: r((_s, args, c) => (args.ids as string[]).map((id) => visibleNode(id, c))),
    },
    Mutation: {
      metafieldsSet: r((_s, args, c) => {
        const inputs = (args.metafields as Record<string, unknown>[]) ?? [];
        const userErrors: { field: string[]; message: string; code: string; elementIndex: number | null }[] = [];
        if (inputs.length > 25)
          userErrors.push({
            field: ["metafields"],
            message: "Exceeded the maximum metafields input limit of 25.",
            code: "LESS_THAN_OR_EQUAL_TO",
            elementIndex: null,
          });
        const owners = inputs.map((input, index) => {
          const owner = c.store.node(String(input.ownerId));
          if (!owner || !("metafields" in owner)) {
            userErrors.push({
              field: ["metafields", String(index), "ownerId"],
              message: "Owner does not exist.",
              code: "INVALID_VALUE",
              elementIndex: index,
            });
            return null;
          }
          const error = validateMetafieldValue(String(input.type ?? ""), String(input.value ?? ""));
          if (error)
            userErrors.push({
              field: ["metafields", String(index), "value"],
              message: error,
              code: "INVALID_VALUE",
              elementIndex: index,
            });
          const current = findMetafield(owner, { namespace: input.namespace ?? "$app", key: input.key }, c);
          // compareDigest (optimistic concurrency): the value the caller last read, or null
          // for "must not exist yet"; absent means no check.
          if ("compareDigest" in input && input.compareDigest !== undefined) {
            const expected = input.compareDigest;
            const stale = expected === null ? current !== null : !current || metafieldDigest(current) !== expected;
            if (stale)
              userErrors.push({
                field: ["metafields", String(index)],
                message:
                  "The resource has been updated since it was loaded. Try again with an updated `compareDigest` value.",
                code: "STALE_OBJECT",
                elementIndex: index,
              });
          }
          if (!input.type && !current) {
            userErrors.push({
              field: ["metafields", String(index), "type"],
              message: "Type can't be blank.",
              code: "BLANK",
              elementIndex: index,
            });
          }
          return owner as { metafields: Metafield[] };
        });
        if (userErrors.length > 0) return { metafields: null, userErrors };
        const now = new Date(c.now).toISOString();
        const saved = inputs.map((input, index) => {
          const owner = owners[index]!;
          const namespace = resolveNamespace(typeof input.namespace === "string" ? input.namespace : "$app", c.app);
          const existing = owner.metafields.find((m) => m.namespace === namespace && m.key === input.key);
          if (existing) {
            existing.value = String(input.value);
            if (input.type) existing.type = String(input.type);
            existing.updatedAt = now;
            return existing;
          }
          const metafield: Metafield = {
            __typename: "Metafield",
            id: `gid://shopify/Metafield/${parseInt(randomUUID().replaceAll("-", "").slice(0, 12), 16)}`,
            namespace,
            key: String(input.key),
            type: String(input.type),
            value: String(input.value),
            createdAt: now,
            updatedAt: now,
          };
          owner.metafields.push(metafield);
          return metafield;
        });
        c.persist();
        return { metafields: saved, userErrors: [] };
      }),
      metafieldsDelete: r((_s, args, c) => {
        const inputs = (args.metafields as { ownerId: string; namespace: string; key: string }[]) ?? [];
        const deleted = inputs.map((input) => {
          const owner = c.store.node(String(input.ownerId));
          if (!owner || !("metafields" in owner)) return null;
          const namespace = resolveNamespace(input.namespace, c.app);
          const index = owner.metafields.findIndex((m) => m.namespace === namespace && m.key === input.key);
          if (index < 0) return null;
          owner.metafields.splice(index, 1);
          return { ownerId: input.ownerId, namespace, key: input.key };
        });
        c.persist();
        return { deletedMetafields: deleted, userErrors: [] };
      }),
    },
    Metafield: { compareDigest: r((m: Metafield) => metafieldDigest(m)) },
    Shop: { ...metafieldFields },
    Product: {
      ...metafieldFields,
      featuredImage: r((p: Product) => p.images[0] ?? null),
      images: r((p: Product, args) => connection(p.images, args)),
      media: r((p: Product, args) =>
        connection(
          p.images.map((image) => ({
            __typename: "MediaImage",
            id: image.id.replace("ProductImage", "MediaImage"),
            alt: image.altText,
            image,
            mediaContentType: "IMAGE",
            status: "READY",
          })),
          args,
        ),
      ),
      onlineStoreUrl: r((p: Product, _a, c) => `https://${c.store.shop.myshopifyDomain}/products/${p.handle}`),
      totalInventory: r(() => 0),
    },
    Image: {
      url: r((image: Image, _a, c) => (image.url.startsWith("/") ? `${c.origin}${image.url}` : image.url)),
      src: r((image: Image, _a, c) => (image.url.startsWith("/") ? `${c.origin}${image.url}` : image.url)),
    },
    Customer: {
      ...metafieldFields,
      email: r((customer: Customer) => customer.email),
      defaultEmailAddress: r((customer: Customer) =>
        customer.email ? { emailAddress: customer.email, marketingState: "NOT_SUBSCRIBED" } : null,
      ),
      defaultPhoneNumber: r((customer: Customer) =>
        customer.phone ? { phoneNumber: customer.phone, marketingState: "NOT_SUBSCRIBED" } : null,
      ),
      orders: r((customer: Customer, args, c) =>
        connection(
          searchOrders(c, args, (o) => o.customerId === customer.id),
          args,
        ),
      ),
      numberOfOrders: r((customer: Customer, _a, c) =>
        String(c.store.data.orders.filter((o) => o.customerId === customer.id).length),
      ),
      // Shopify: the total of the customer's orders (net of refunds), in the shop's currency.
      amountSpent: r((customer: Customer, _a, c) => {
        const orders = c.store.data.orders.filter((o) => o.customerId === customer.id && !o.cancelledAt);
        const cents = orders.reduce(
          (sum, o) =>
            sum +
            Math.round(Number(o.totalPriceSet.shopMoney.amount) * 100) -
            Math.round(Number(o.totalRefundedSet.shopMoney.amount) * 100),
          0,
        );
        return { amount: (cents / 100).toFixed(2), currencyCode: c.store.shop.currencyCode };
      }),
      tags: r((customer: Customer) => customer.tags ?? []),
      lastOrder: r((customer: Customer, _a, c) => {
        const orders = c.store.data.orders.filter((o) => o.customerId === customer.id && visible(o, c));
        return orders.reduce<Order | null>((last, o) => (!last || o.createdAt > last.createdAt ? o : last), null);
      }),
      state: r((customer: Customer) => (customer.hasAccount ? "ENABLED" : "DISABLED")),
      legacyResourceId: r((customer: Customer) => numericId(customer.id)),
    },
    Order: {
      ...metafieldFields,
      customer: r((order: Order, _a, c) =>
        order.customerId ? (c.store.customersById.get(order.customerId) ?? null) : null,
      ),
      legacyResourceId: r((order: Order) => numericId(order.id)),
      lineItems: r((order: Order, args) => connection(order.lineItems, args)),
      shippingLines: r((order: Order, args) =>
        connection(
          order.shippingLines.map((l) => withTypename(l, "ShippingLine")),
          args,
        ),
      ),
      fulfillments: r((order: Order, args) =>
        typeof args.first === "number" ? order.fulfillments.slice(0, args.first) : order.fulfillments,
      ),
      fulfillmentsCount: r((order: Order) => ({ count: order.fulfillments.length, precision: "EXACT" })),
      refunds: r((order: Order, args) =>
        typeof args.first === "number" ? order.refunds.slice(0, args.first) : order.refunds,
      ),
      transactions: r((order: Order, args) =>
        typeof args.first === "number" ? order.transactions.slice(0, args.first) : order.transactions,
      ),
      statusPageUrl: r(
        (order: Order, _a, c) =>
          `https://${c.store.shop.myshopifyDomain}/${numericId(c.store.shop.id)}/orders/${order.confirmationNumber.toLowerCase()}/authenticate`,
      ),
      subtotalLineItemsQuantity: r((order: Order) => order.lineItems.reduce((sum, l) => sum + l.quantity, 0)),
      currentSubtotalLineItemsQuantity: r((order: Order) =>
        order.lineItems.reduce((sum, l) => sum + l.currentQuantity, 0),
      ),
      discountCode: r((order: Order) => order.discountCodes[0] ?? null),
      // B2B orders are bought by a company location; others by the customer (null for guests).
      purchasingEntity: r((order: Order, _a, c) => {
        const b2b = order.purchasingCompany;
        if (b2b)
          return {
            __typename: "PurchasingCompany",
            company: { __typename: "Company", id: b2b.company.id, name: b2b.company.name },
            location: {
              __typename: "CompanyLocation",
              id: b2b.location.id,
              name: b2b.location.name,
              taxRegistrationId: b2b.location.taxRegistrationId,
              taxSettings: { taxRegistrationId: b2b.location.taxRegistrationId, taxExempt: false, taxExemptions: [] },
            },
            contact: null,
          };
        return order.customerId ? (c.store.customersById.get(order.customerId) ?? null) : null;
      }),
      fullyPaid: r(
        (order: Order) =>
          order.displayFinancialStatus === "PAID" || order.displayFinancialStatus === "PARTIALLY_REFUNDED",
      ),
      unpaid: r((order: Order) => order.displayFinancialStatus === "PENDING"),
    },
    LineItem: {
      product: r((line: LineItem, _a, c) => c.store.productsById.get(line.productId) ?? null),
      variant: r(
        (line: LineItem, _a, c) =>
          c.store.productsById.get(line.productId)?.variants.find((v) => v.id === line.variantId) ?? null,
      ),
    },
    ProductVariant: {
      product: r(
        (variant: { id: string }, _a, c) =>
          c.store.data.products.find((p) => p.variants.some((v) => v.id === variant.id)) ?? null,
      ),
    },
    Fulfillment: {
      trackingInfo: r((f: Fulfillment, args) =>
        typeof args.first === "number" ? f.trackingInfo.slice(0, args.first) : f.trackingInfo,
      ),
      fulfillmentLineItems: r((f: Fulfillment, args, c) => {
        const order = c.store.orderOf.get(f);
        const lines = (order?.lineItems ?? []).filter((l) => f.lineItemIds.includes(l.id));
        return connection(
          lines.map((lineItem) => ({
            __typename: "FulfillmentLineItem",
            id: lineItem.id.replace("LineItem", "FulfillmentLineItem"),
            quantity: lineItem.quantity,
            lineItem,
          })),
          args,
        );
      }),
    },
    Refund: {
      legacyResourceId: r((refund: Refund) => numericId(refund.id)),
      processedAt: r((refund: Refund) => refund.createdAt),
      updatedAt: r((refund: Refund) => refund.createdAt),
      order: r((refund: Refund, _a, c) => c.store.orderOf.get(refund) ?? null),
      totalRefunded: r((refund: Refund) => refund.totalRefundedSet.shopMoney),
      duties: r(() => []),
      orderAdjustments: r((_refund: Refund, args) => connection([], args)),
      refundShippingLines: r((refund: Refund, args, c) => {
        const order = c.store.orderOf.get(refund);
        return connection(
          (refund.refundShippingLines ?? []).map((item) => {
            const line = order?.shippingLines.find((l) => l.id === item.shippingLineId);
            return {
              __typename: "RefundShippingLine",
              id: item.id,
              shippingLine: line ? withTypename(line, "ShippingLine") : null,
              subtotalAmountSet: item.subtotalAmountSet,
              taxAmountSet: item.taxAmountSet,
            };
          }),
          args,
        );
      }),
      transactions: r((refund: Refund, args, c) =>
        connection(
          (c.store.orderOf.get(refund)?.transactions ?? []).filter((t) => refund.transactionIds.includes(t.id)),
          args,
        ),
      ),
      refundLineItems: r((refund: Refund, args, c) => {
        const order = c.store.orderOf.get(refund);
        return connection(
          refund.refundLineItems.map((item) => ({
            __typename: "RefundLineItem",
            id: item.id,
            quantity: item.quantity,
            priceSet: item.priceSet,
            price: item.priceSet.shopMoney,
            subtotalSet: item.subtotalSet,
            subtotal: item.subtotalSet.shopMoney,
            totalTaxSet: item.totalTaxSet,
            totalTax: item.totalTaxSet.shopMoney,
            restockType: "NO_RESTOCK",
            restocked: false,
            location: null,
            lineItem: order?.lineItems.find((l) => l.id === item.lineItemId),
          })),
          args,
        );
      }),
    },
  };
}

/** A record by global ID, as `node(id:)` answers: orders (and their refunds) only within the visible window. */
function visibleNode(id: string, context: Context) {
  const node = context.store.node(id);
  if (!node) return null;
  const order =
    node.__typename === "Order" ? node : node.__typename === "Refund" ? context.store.orderOf.get(node) : null;
  return order === null || (order && visible(order, context)) ? node : null;
}

/** A metafield's compareDigest: changes whenever its value (or type) is written. */
export function metafieldDigest(m: Metafield): string {
  return createHash("sha256").update(`${m.id}\n${m.type}\n${m.value}\n${m.updatedAt}`).digest("hex");
}

/** JSON metafield values are limited to 128 KB (apps since 2026-04). */
export const JSON_METAFIELD_MAX_BYTES = 128 * 1024;

/** The checks Shopify applies to the metafield types Care Desk writes. */
export function validateMetafieldValue(type: string, value: string): string | null {
  switch (type) {
    case "":
      return null;
    case "single_line_text_field":
      return value.includes("\n") ? "Value must be a single line of text." : null;
    case "multi_line_text_field":
      return null;
    case "number_integer":
      return /^-?\d+$/.test(value) ? null : "Value must be an integer.";
    case "number_decimal":
      return /^-?\d+(\.\d+)?$/.test(value) ? null : "Value must be a decimal.";
    case "boolean":
      return value === "true" || value === "false" ? null : "Value must be true or false.";
    case "json":
      if (Buffer.byteLength(value, "utf8") > JSON_METAFIELD_MAX_BYTES)
        return "Value exceeds the maximum size of 128 KB for a json metafield.";
      try {
        JSON.parse(value);
        return null;
      } catch {
        return "Value is invalid JSON.";
      }
    case "rating": {
      try {
        const rating = JSON.parse(value) as { value?: string; scale_min?: string; scale_max?: string };
        const v = Number(rating.value);
        const min = Number(rating.scale_min);
        const max = Number(rating.scale_max);
        return Number.isFinite(v) && Number.isFinite(min) && Number.isFinite(max) && min < max && v >= min && v <= max
          ? null
          : "Value must be a rating within its scale.";
      } catch {
        return "Value is invalid JSON.";
      }
    }
    default:
      return `Type '${type}' is not supported by the dev store.`;
  }
}
