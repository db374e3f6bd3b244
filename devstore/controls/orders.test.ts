// Order controls over HTTP: each changes the order as Shopify would, the Admin API shows the
// new state, and the matching webhooks arrive at a receiving server with a valid HMAC
// (checked by the official library) and payloads in the shape of Shopify's REST webhooks.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { readAppConfig } from "../config";
import type { Order } from "../data/types";
import { startTestDevStore } from "../test-support";

// ---- Shopify's documented webhook payload fields (orders/*, fulfillments/*, refunds/*) ----
const money = z.string().regex(/^\d+\.\d{1,2}$/);
const moneySet = z.object({
  shop_money: z.object({ amount: money, currency_code: z.string().length(3) }),
  presentment_money: z.object({ amount: money, currency_code: z.string().length(3) }),
});
const datetime = z.iso.datetime({ offset: true });
const gid = (type: string) => z.string().startsWith(`gid://shopify/${type}/`);
const lineItem = z.object({
  id: z.number().int().positive(),
  admin_graphql_api_id: gid("LineItem"),
  title: z.string(),
  name: z.string(),
  variant_title: z.string().nullable(),
  sku: z.string().nullable(),
  quantity: z.number().int().positive(),
  current_quantity: z.number().int().nonnegative(),
  fulfillable_quantity: z.number().int().nonnegative(),
  fulfillment_status: z.enum(["fulfilled", "partial"]).nullable(),
  price: money,
  price_set: moneySet,
  product_id: z.number().int().nullable(),
  variant_id: z.number().int().nullable(),
  requires_shipping: z.boolean(),
  taxable: z.boolean(),
  tax_lines: z.array(z.object({ title: z.string(), rate: z.number(), price: money, price_set: moneySet })),
});
const fulfillment = z.object({
  id: z.number().int().positive(),
  admin_graphql_api_id: gid("Fulfillment"),
  order_id: z.number().int().positive(),
  name: z.string(),
  status: z.enum(["pending", "open", "success", "cancelled", "error", "failure"]),
  created_at: datetime,
  updated_at: datetime,
  service: z.string(),
  shipment_status: z
    .enum([
      "label_printed",
      "label_purchased",
      "attempted_delivery",
      "ready_for_pickup",
      "confirmed",
      "in_transit",
      "out_for_delivery",
      "delivered",
      "failure",
    ])
    .nullable(),
  tracking_company: z.string().nullable(),
  tracking_number: z.string().nullable(),
  tracking_numbers: z.array(z.string()),
  tracking_url: z.string().nullable(),
  tracking_urls: z.array(z.string()),
  line_items: z.array(lineItem),
});
const transaction = z.object({
  id: z.number().int().positive(),
  admin_graphql_api_id: gid("OrderTransaction"),
  order_id: z.number().int().positive(),
  kind: z.enum(["authorization", "capture", "sale", "void", "refund"]),
  status: z.enum(["pending", "failure", "success", "error"]),
  gateway: z.string(),
  amount: money,
  currency: z.string().length(3),
  created_at: datetime,
  processed_at: datetime,
  parent_id: z.number().nullable(),
  test: z.boolean(),
});
const refund = z.object({
  id: z.number().int().positive(),
  admin_graphql_api_id: gid("Refund"),
  order_id: z.number().int().positive(),
  created_at: datetime,
  processed_at: datetime,
  note: z.string().nullable(),
  restock: z.boolean(),
  user_id: z.number().nullable(),
  order_adjustments: z.array(z.unknown()),
  refund_line_items: z.array(
    z.object({
      id: z.number().int().positive(),
      line_item_id: z.number().int().positive(),
      quantity: z.number().int().positive(),
      restock_type: z.enum(["no_restock", "cancel", "return", "legacy_restock"]),
      subtotal: z.number(),
      subtotal_set: moneySet,
      total_tax: z.number(),
      total_tax_set: moneySet,
      line_item: lineItem,
    }),
  ),
  refund_shipping_lines: z.array(
    z.object({
      id: z.number().int().positive(),
      shipping_line_id: z.number().int().positive(),
      subtotal_amount_set: moneySet,
      tax_amount_set: moneySet,
    }),
  ),
  transactions: z.array(transaction).min(1),
});
const order = z.object({
  id: z.number().int().positive(),
  admin_graphql_api_id: gid("Order"),
  name: z.string().regex(/^#\d+$/),
  order_number: z.number().int().positive(),
  email: z.string().nullable(),
  created_at: datetime,
  updated_at: datetime,
  processed_at: datetime,
  cancelled_at: datetime.nullable(),
  cancel_reason: z.enum(["customer", "declined", "fraud", "inventory", "other", "staff"]).nullable(),
  closed_at: datetime.nullable(),
  currency: z.string().length(3),
  presentment_currency: z.string().length(3),
  financial_status: z.enum([
    "pending",
    "authorized",
    "partially_paid",
    "paid",
    "partially_refunded",
    "refunded",
    "voided",
  ]),
  fulfillment_status: z.enum(["fulfilled", "partial", "restocked"]).nullable(),
  total_price: money,
  total_price_set: moneySet,
  subtotal_price: money,
  total_tax: money,
  current_total_price: money,
  taxes_included: z.boolean(),
  line_items: z.array(lineItem).min(1),
  fulfillments: z.array(fulfillment),
  refunds: z.array(refund),
  customer: z
    .object({ id: z.number(), email: z.string().nullable(), admin_graphql_api_id: gid("Customer") })
    .nullable(),
  shipping_address: z.object({ address1: z.string().nullable(), country_code: z.string().nullable() }).nullable(),
});

// ---- a receiving server: every delivery, with the official library's verdict on it ----
interface Received {
  topic: string;
  headers: IncomingMessage["headers"];
  body: unknown;
  valid: boolean;
}
const received: Received[] = [];
const receiver = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    const rawBody = Buffer.concat(chunks).toString("utf8");
    void t.shopify.webhooks.validate({ rawBody, rawRequest: req, rawResponse: res }).then((check) => {
      received.push({
        topic: String(req.headers["x-shopify-topic"]),
        headers: req.headers,
        body: JSON.parse(rawBody),
        valid: check.valid,
      });
      res.writeHead(200).end();
    });
  });
});
await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks`;

const TOPICS = [
  "orders/paid",
  "orders/updated",
  "orders/fulfilled",
  "orders/cancelled",
  "fulfillments/create",
  "fulfillments/update",
  "refunds/create",
];
// The app can see every order (read_all_orders); it subscribes to all but orders/partially_fulfilled.
const config = readAppConfig();
const t = await startTestDevStore({
  config: { ...config, scopes: [...config.scopes, "read_all_orders"] },
  webhookSubscriptions: [{ topics: TOPICS, uri: receiverUrl }],
});
const { accessToken } = await t.exchange(false);
afterAll(async () => {
  await t.devStore.close();
  receiver.close();
});
beforeEach(() => {
  received.length = 0;
});

const orders = t.devStore.store.defaultShop.data.orders;
const numericId = (o: Order) => o.id.split("/").pop()!;
const pending = orders.filter(
  (o) => o.displayFinancialStatus === "PENDING" && !o.cancelledAt && o.lineItems.length >= 2,
);

async function control(o: Order, action: string, body: object = {}) {
  const response = await fetch(`${t.devStore.origin}/__devstore/orders/${numericId(o)}/${action}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as { order: unknown; deliveries: { topic: string; status: number | null }[] },
  };
}

/** The deliveries received for a topic, each checked: valid HMAC, Shopify's headers, the documented payload. */
function arrived<S extends z.ZodType>(topic: string, schema: S): z.infer<S>[] {
  const list = received.filter((r) => r.topic === topic);
  for (const delivery of list) {
    expect(delivery.valid, `${topic}: HMAC`).toBe(true);
    expect(delivery.headers).toMatchObject({
      "x-shopify-shop-domain": t.devStore.shop,
      "x-shopify-api-version": "2026-10",
      "x-shopify-webhook-id": expect.any(String),
      "x-shopify-event-id": expect.any(String),
      "x-shopify-triggered-at": expect.any(String),
    });
  }
  return list.map((r) => schema.parse(r.body));
}

const ORDER_QUERY = `query CareDeskOrderState($id: ID!) {
  order(id: $id) {
    displayFinancialStatus displayFulfillmentStatus cancelledAt cancelReason
    totalRefundedSet { presentmentMoney { amount } }
    transactions { kind amountSet { presentmentMoney { amount } } }
    fulfillments { displayStatus deliveredAt trackingInfo { company number url } fulfillmentLineItems(first: 10) { nodes { lineItem { id } } } }
    refunds { totalRefundedSet { presentmentMoney { amount } } refundLineItems(first: 10) { nodes { quantity lineItem { id } } } transactions(first: 5) { nodes { kind } } }
  }
}`;
type OrderState = {
  displayFinancialStatus: string;
  displayFulfillmentStatus: string;
  cancelledAt: string | null;
  cancelReason: string | null;
  totalRefundedSet: { presentmentMoney: { amount: string } };
  transactions: { kind: string; amountSet: { presentmentMoney: { amount: string } } }[];
  fulfillments: {
    displayStatus: string;
    deliveredAt: string | null;
    trackingInfo: { company: string; number: string; url: string }[];
    fulfillmentLineItems: { nodes: { lineItem: { id: string } }[] };
  }[];
  refunds: {
    totalRefundedSet: { presentmentMoney: { amount: string } };
    refundLineItems: { nodes: { quantity: number; lineItem: { id: string } }[] };
    transactions: { nodes: { kind: string }[] };
  }[];
};
const adminState = async (o: Order) => {
  const { status, body } = await t.admin<{ order: OrderState }>(accessToken!, ORDER_QUERY, { id: o.id });
  expect(status).toBe(200);
  return body.data!.order;
};

describe("order controls deliver Shopify's webhooks", () => {
  const target = pending[0]!;

  it("pay: orders/paid and orders/updated; the Admin API shows PAID with a sale", async () => {
    const { status, body } = await control(target, "pay");
    expect(status).toBe(200);
    expect(body.deliveries).toEqual([
      { topic: "orders/paid", uri: receiverUrl, status: 200 },
      { topic: "orders/updated", uri: receiverUrl, status: 200 },
    ]);
    const [paid] = arrived("orders/paid", order);
    expect(paid).toMatchObject({
      id: Number(numericId(target)),
      admin_graphql_api_id: target.id,
      name: target.name,
      financial_status: "paid",
      fulfillment_status: null,
    });
    expect(arrived("orders/updated", order)).toHaveLength(1);
    const state = await adminState(target);
    expect(state.displayFinancialStatus).toBe("PAID");
    expect(state.transactions.at(-1)).toEqual({
      kind: "SALE",
      amountSet: { presentmentMoney: { amount: target.totalPriceSet.presentmentMoney.amount } },
    });
    // Paying twice is refused.
    expect((await control(target, "pay")).status).toBe(422);
  });

  it("fulfil with tracking: fulfillments/create; orders/fulfilled only once every line is", async () => {
    const [first, ...rest] = target.lineItems;
    const partial = await control(target, "fulfil", {
      lineItemIds: [first!.id],
      trackingNumber: "1Z999AA10123456784",
      trackingCompany: "UPS",
      trackingUrl: "https://www.ups.com/track?tracknum=1Z999AA10123456784",
    });
    expect(partial.status).toBe(200);
    const [created] = arrived("fulfillments/create", fulfillment);
    expect(created).toMatchObject({
      order_id: Number(numericId(target)),
      status: "success",
      tracking_company: "UPS",
      tracking_number: "1Z999AA10123456784",
      tracking_numbers: ["1Z999AA10123456784"],
      tracking_url: "https://www.ups.com/track?tracknum=1Z999AA10123456784",
      tracking_urls: ["https://www.ups.com/track?tracknum=1Z999AA10123456784"],
      shipment_status: null,
    });
    expect(created!.line_items.map((l) => l.admin_graphql_api_id)).toEqual([first!.id]);
    expect(arrived("orders/fulfilled", order)).toEqual([]);
    // Not subscribed: logged, not sent.
    expect(partial.body.deliveries).toContainEqual({ topic: "orders/partially_fulfilled", uri: null, status: null });
    const log = (await (
      await fetch(`${t.devStore.origin}/__devstore/webhooks.json?topic=orders/partially_fulfilled`)
    ).json()) as { uri: null; payload: { name: string } }[];
    expect(log.at(-1)).toMatchObject({ uri: null, payload: { name: target.name, fulfillment_status: "partial" } });
    expect((await adminState(target)).displayFulfillmentStatus).toBe("PARTIALLY_FULFILLED");

    received.length = 0;
    expect(
      (await control(target, "fulfil", { trackingNumber: "1Z999AA10123456785", trackingCompany: "UPS" })).status,
    ).toBe(200);
    const [rest_] = arrived("fulfillments/create", fulfillment);
    expect(rest_!.line_items.map((l) => l.admin_graphql_api_id)).toEqual(rest.map((l) => l.id));
    const [fulfilled] = arrived("orders/fulfilled", order);
    expect(fulfilled).toMatchObject({ fulfillment_status: "fulfilled" });
    expect(fulfilled!.fulfillments).toHaveLength(2);
    expect(fulfilled!.line_items.every((l) => l.fulfillment_status === "fulfilled")).toBe(true);

    const state = await adminState(target);
    expect(state.displayFulfillmentStatus).toBe("FULFILLED");
    expect(state.fulfillments.map((f) => f.trackingInfo[0]?.number)).toEqual([
      "1Z999AA10123456784",
      "1Z999AA10123456785",
    ]);
    expect(state.fulfillments[0]!.trackingInfo[0]).toMatchObject({
      company: "UPS",
      url: "https://www.ups.com/track?tracknum=1Z999AA10123456784",
    });
    expect((await control(target, "fulfil")).status).toBe(422);
  });

  it("mark delivered: fulfillments/update with shipment_status delivered", async () => {
    expect((await control(target, "deliver")).status).toBe(200);
    const [updated] = arrived("fulfillments/update", fulfillment);
    expect(updated).toMatchObject({ shipment_status: "delivered", tracking_number: "1Z999AA10123456785" });
    const state = await adminState(target);
    expect(state.fulfillments[1]).toMatchObject({ displayStatus: "DELIVERED", deliveredAt: expect.any(String) });
  });

  it("partial refund, then the rest: refunds/create; PARTIALLY_REFUNDED, then REFUNDED", async () => {
    const line = target.lineItems[0]!;
    const partial = await control(target, "refund", {
      lineItems: [{ lineItemId: line.id, quantity: 1 }],
      note: "Chipped",
    });
    expect(partial.status).toBe(200);
    const [first] = arrived("refunds/create", refund);
    expect(first).toMatchObject({ order_id: Number(numericId(target)), note: "Chipped" });
    expect(first!.refund_line_items).toEqual([
      expect.objectContaining({ line_item_id: Number(line.id.split("/").pop()), quantity: 1 }),
    ]);
    expect(first!.transactions).toEqual([
      expect.objectContaining({ kind: "refund", status: "success", currency: target.presentmentCurrencyCode }),
    ]);
    expect(arrived("orders/updated", order)[0]).toMatchObject({ financial_status: "partially_refunded" });
    let state = await adminState(target);
    expect(state.displayFinancialStatus).toBe("PARTIALLY_REFUNDED");
    expect(state.refunds).toHaveLength(1);
    expect(state.refunds[0]!.refundLineItems.nodes).toEqual([{ quantity: 1, lineItem: { id: line.id } }]);
    expect(state.refunds[0]!.transactions.nodes).toEqual([{ kind: "REFUND" }]);
    expect(Number(state.totalRefundedSet.presentmentMoney.amount)).toBe(Number(first!.transactions[0]!.amount));

    received.length = 0;
    expect((await control(target, "refund")).status).toBe(200);
    const [second] = arrived("refunds/create", refund);
    const refunded = first!.transactions[0]!.amount;
    expect(Number(second!.transactions[0]!.amount) + Number(refunded)).toBeCloseTo(
      Number(target.totalPriceSet.presentmentMoney.amount),
      2,
    );
    state = await adminState(target);
    expect(state.displayFinancialStatus).toBe("REFUNDED");
    expect(state.totalRefundedSet.presentmentMoney.amount).toBe(target.totalPriceSet.presentmentMoney.amount);
    expect((await control(target, "refund")).status).toBe(422);
    // Fulfilled orders cannot be cancelled, as on Shopify.
    expect((await control(target, "cancel")).status).toBe(422);
  });

  it("refund of a line and the shipping: refund(id:) has Shopify's shape (price, subtotal, tax, shipping)", async () => {
    // GIVEN a paid, tax-inclusive order with two lines and paid shipping
    const o = orders.find(
      (x) =>
        x.displayFinancialStatus === "PAID" &&
        !x.cancelledAt &&
        x.taxesIncluded &&
        x.lineItems.length >= 2 &&
        x.lineItems[0]!.quantity >= 2 &&
        Number(x.totalShippingPriceSet.presentmentMoney.amount) > 0,
    )!;
    const line = o.lineItems[0]!;
    // WHEN one piece of the first line and the shipping are refunded
    const response = await control(o, "refund", { lineItems: [{ lineItemId: line.id, quantity: 1 }], shipping: true });
    expect(response.status).toBe(200);
    const [payload] = arrived("refunds/create", refund);
    expect(payload!.refund_shipping_lines).toHaveLength(1);
    expect(Number(payload!.refund_line_items[0]!.total_tax_set.presentment_money.amount)).toBeGreaterThan(0);
    // THEN the Admin API serves the refund by its ID, as Shopify shapes it
    const { body } = await t.admin<{
      refund: {
        id: string;
        order: { id: string };
        totalRefundedSet: { presentmentMoney: { amount: string } };
        refundLineItems: {
          nodes: {
            quantity: number;
            priceSet: { presentmentMoney: { amount: string } };
            subtotalSet: { presentmentMoney: { amount: string } };
            totalTaxSet: { presentmentMoney: { amount: string } };
            lineItem: { id: string };
          }[];
        };
        refundShippingLines: {
          nodes: {
            shippingLine: { title: string };
            subtotalAmountSet: { presentmentMoney: { amount: string } };
            taxAmountSet: { presentmentMoney: { amount: string } };
          }[];
        };
        transactions: { nodes: { kind: string; amountSet: { presentmentMoney: { amount: string } } }[] };
      } | null;
    }>(
      accessToken!,
      `query CareDeskRefundShape($id: ID!) { refund(id: $id) { id order { id } totalRefundedSet { presentmentMoney { amount } }
        refundLineItems(first: 10) { nodes { quantity priceSet { presentmentMoney { amount } } subtotalSet { presentmentMoney { amount } } totalTaxSet { presentmentMoney { amount } } lineItem { id } } }
        refundShippingLines(first: 5) { nodes { shippingLine { title } subtotalAmountSet { presentmentMoney { amount } } taxAmountSet { presentmentMoney { amount } } } }
        transactions(first: 5) { nodes { kind amountSet { presentmentMoney { amount } } } } } }`,
      { id: payload!.admin_graphql_api_id },
    );
    const r = body.data!.refund!;
    expect(r.order.id).toBe(o.id);
    const item = r.refundLineItems.nodes[0]!;
    expect(item).toMatchObject({ quantity: 1, lineItem: { id: line.id } });
    const unit = Number(line.discountedUnitPriceSet.presentmentMoney.amount);
    expect(Number(item.priceSet.presentmentMoney.amount)).toBeCloseTo(unit, 2);
    expect(Number(item.subtotalSet.presentmentMoney.amount)).toBeCloseTo(unit, 2);
    const lineTax = Number(line.taxLines[0]!.priceSet.presentmentMoney.amount) / line.quantity;
    expect(Number(item.totalTaxSet.presentmentMoney.amount)).toBeCloseTo(lineTax, 1);
    const shipping = r.refundShippingLines.nodes[0]!;
    expect(Number(shipping.subtotalAmountSet.presentmentMoney.amount)).toBe(
      Number(o.totalShippingPriceSet.presentmentMoney.amount),
    );
    expect(Number(shipping.taxAmountSet.presentmentMoney.amount)).toBeGreaterThan(0);
    // tax-inclusive: the money back is the line's price plus the shipping's
    expect(Number(r.totalRefundedSet.presentmentMoney.amount)).toBeCloseTo(
      unit + Number(shipping.subtotalAmountSet.presentmentMoney.amount),
      2,
    );
    expect(r.transactions.nodes).toEqual([{ kind: "REFUND", amountSet: r.totalRefundedSet }]);
    // and shipping cannot be refunded twice
    expect((await control(o, "refund", { shipping: true })).status).toBe(422);
    // an unknown refund is null, as on Shopify
    const missing = await t.admin<{ refund: null }>(
      accessToken!,
      `query CareDeskNoRefund { refund(id: "gid://shopify/Refund/1") { id } }`,
    );
    expect(missing.body.data!.refund).toBeNull();
  });

  it("B2B orders: purchasingEntity is the company with its location's tax registration; others the customer", async () => {
    const b2b = orders.find((x) => x.purchasingCompany?.location.taxRegistrationId)!;
    const retail = orders.find((x) => x.customerId && !x.purchasingCompany)!;
    const query = `query CareDeskBuyer($id: ID!) { order(id: $id) { customerLocale purchasingEntity { __typename
      ... on PurchasingCompany { company { name } location { name taxSettings { taxRegistrationId } } }
      ... on Customer { id } } } }`;
    type Buyer = { order: { customerLocale: string; purchasingEntity: Record<string, unknown> } };
    const company = (await t.admin<Buyer>(accessToken!, query, { id: b2b.id })).body.data!.order;
    expect(company.purchasingEntity).toEqual({
      __typename: "PurchasingCompany",
      company: { name: b2b.purchasingCompany!.company.name },
      location: {
        name: b2b.purchasingCompany!.location.name,
        taxSettings: { taxRegistrationId: b2b.purchasingCompany!.location.taxRegistrationId },
      },
    });
    const person = (await t.admin<Buyer>(accessToken!, query, { id: retail.id })).body.data!.order;
    expect(person.purchasingEntity).toEqual({ __typename: "Customer", id: retail.customerId });
    expect(person.customerLocale).toMatch(/^(en|de|fr|es|ja)$/);
  });

  it("cancel a paid order: orders/cancelled and a refund; cancelled in the Admin API", async () => {
    const other = pending[1]!;
    await control(other, "pay");
    received.length = 0;
    const { status } = await control(other, "cancel", { reason: "customer" });
    expect(status).toBe(200);
    const [cancelled] = arrived("orders/cancelled", order);
    expect(cancelled).toMatchObject({
      cancel_reason: "customer",
      cancelled_at: expect.any(String),
      financial_status: "refunded",
    });
    expect(arrived("refunds/create", refund)).toHaveLength(1);
    const state = await adminState(other);
    expect(state).toMatchObject({
      cancelReason: "CUSTOMER",
      cancelledAt: expect.any(String),
      displayFinancialStatus: "REFUNDED",
    });
    expect((await control(other, "cancel")).status).toBe(422);
  });

  it("cancel an unpaid order voids it without a refund", async () => {
    const unpaid = pending[2]!;
    await control(unpaid, "cancel", { reason: "inventory" });
    expect(arrived("orders/cancelled", order)[0]).toMatchObject({
      financial_status: "voided",
      cancel_reason: "inventory",
    });
    expect(arrived("refunds/create", refund)).toEqual([]);
  });

  it("a bad HMAC on demand fails the official check", async () => {
    const response = await fetch(`${t.devStore.origin}/__devstore/webhooks`, {
      method: "POST",
      body: JSON.stringify({ topic: "orders/updated", payload: { id: 1 }, badHmac: true }),
    });
    expect(await response.json()).toEqual({ status: 200 });
    expect(received.map((r) => r.valid)).toEqual([false]);
  });
});
