// The dev store's Admin API: the published schema decides what is valid; data is seeded
// deterministically; cost, throttling, search, pagination and metafieldsSet behave as on Shopify.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { seedShopData } from "../data/seed";
import { DevStore } from "../data/store";
import { createAdminApi } from "./admin-api";

const now = Date.parse("2026-11-22T00:00:00Z");
const store = DevStore.open({ seed: { now: new Date(now) } });
const shop = store.defaultShop.shop.myshopifyDomain;
const api = createAdminApi(store, { origin: () => "http://devstore.test", now: () => now });
type Body = {
  data?: Record<string, unknown>;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
  extensions?: {
    cost: {
      requestedQueryCost: number;
      actualQueryCost: number | null;
      throttleStatus: { currentlyAvailable: number };
    };
  };
};
const run = (query: string, variables?: object, scopes = ["read_orders", "write_products"]) =>
  api.execute({ shop, app: "test", scopes, query, variables }) as { status: number; body: Body };

describe("seed", () => {
  it("is deterministic for a seed and reference date", () => {
    const hash = (d: unknown) => createHash("sha256").update(JSON.stringify(d)).digest("hex");
    expect(hash(seedShopData({ now: new Date(now) }))).toBe(hash(seedShopData({ now: new Date(now) })));
    expect(hash(seedShopData({ now: new Date(now), seed: 2 }))).not.toBe(hash(seedShopData({ now: new Date(now) })));
  });

  it("looks like a real small store", () => {
    const data = store.defaultShop.data;
    expect(data.products).toHaveLength(40);
    expect(data.customers).toHaveLength(60);
    expect(data.orders).toHaveLength(500);
    const statuses = new Set(data.orders.map((o) => o.displayFinancialStatus));
    for (const s of ["PAID", "PENDING", "PARTIALLY_REFUNDED", "REFUNDED", "VOIDED"]) expect(statuses).toContain(s);
    const fulfillment = new Set(data.orders.map((o) => o.displayFulfillmentStatus));
    for (const s of ["UNFULFILLED", "PARTIALLY_FULFILLED", "FULFILLED"]) expect(fulfillment).toContain(s);
    expect(new Set(data.orders.map((o) => o.presentmentCurrencyCode)).size).toBeGreaterThanOrEqual(4);
    expect(data.customers.some((c) => /[^\p{Script=Latin}\s]/u.test(c.firstName))).toBe(true);
    expect(data.orders.some((o) => !o.customerId)).toBe(true);
    expect(data.orders.some((o) => o.cancelledAt)).toBe(true);
  });
});

describe("validation", () => {
  it("rejects an unknown field as Shopify does", () => {
    const { status, body } = run(`{ shop { name shoeSize } }`);
    expect(status).toBe(200);
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]).toMatchObject({
      message: "Field 'shoeSize' doesn't exist on type 'Shop'",
      extensions: { code: "undefinedField", typeName: "Shop", fieldName: "shoeSize" },
    });
  });

  it("rejects a wrong argument and a variable of the wrong type", () => {
    expect(run(`{ orders(first: 1, colour: RED) { nodes { id } } }`).body.errors?.[0]?.extensions?.code).toBe(
      "argumentNotAccepted",
    );
    expect(run(`query Q($id: Int!) { order(id: $id) { id } }`, { id: 1 }).body.errors?.[0]?.extensions?.code).toBe(
      "variableMismatch",
    );
  });

  it("rejects a query costlier than 1000 points", () => {
    const { body } = run(`{ orders(first: 250) { nodes { lineItems(first: 250) { nodes { title } } } } }`);
    expect(body.errors?.[0]?.extensions?.code).toBe("MAX_COST_EXCEEDED");
  });
});

describe("data and search", () => {
  const recent = store.defaultShop.data.orders.filter((o) => o.email).at(-2)!;

  it("finds orders by name and email, case-insensitively, and reports the cost", () => {
    const { body } = run(`query CareDeskT($q: String!) { orders(first: 2, query: $q) { nodes { name email } } }`, {
      q: `name:"${recent.name}" AND email:${recent.email!.toUpperCase()}`,
    });
    expect(body.data).toEqual({ orders: { nodes: [{ name: recent.name, email: recent.email }] } });
    expect(body.extensions?.cost.requestedQueryCost).toBe(4);
  });

  it("filters by created_at ranges and paginates with cursors", () => {
    const q = `created_at:>=2026-10-01 AND created_at:<2026-11-01`;
    const expected = store.defaultShop.data.orders
      .filter((o) => o.createdAt >= "2026-10-01" && o.createdAt < "2026-11-01")
      .map((o) => o.name);
    const names: string[] = [];
    let after: string | null = null;
    do {
      const { body } = run(
        `query CareDeskP($q: String!, $after: String) { orders(first: 7, after: $after, query: $q) { nodes { name } pageInfo { hasNextPage endCursor } } }`,
        { q, after },
      );
      const orders = body.data!.orders as {
        nodes: { name: string }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
      names.push(...orders.nodes.map((n) => n.name));
      after = orders.pageInfo.hasNextPage ? orders.pageInfo.endCursor : null;
    } while (after);
    expect(names).toEqual(expected);
    expect(names.length).toBeGreaterThan(7);
  });

  it("shows only the last 60 days of orders without read_all_orders", () => {
    const old = store.defaultShop.data.orders[0]!;
    const query = `query CareDeskO($id: ID!) { order(id: $id) { name } }`;
    expect(run(query, { id: old.id }).body.data).toEqual({ order: null });
    expect(run(query, { id: old.id }, ["read_orders", "read_all_orders"]).body.data).toEqual({
      order: { name: old.name },
    });
  });

  it("serves money bags, fulfillments with tracking and schema-valid empty values for unused fields", () => {
    const shipped = store.defaultShop.data.orders.filter((o) => o.fulfillments.length).at(-1)!;
    const { body } = run(
      `query CareDeskF($id: ID!) { order(id: $id) { totalPriceSet { shopMoney { amount currencyCode } presentmentMoney { currencyCode } } fulfillments(first: 5) { trackingInfo(first: 1) { company number url } } app { id } } }`,
      { id: shipped.id },
    );
    const order = body.data!.order as {
      totalPriceSet: { presentmentMoney: { currencyCode: string } };
      fulfillments: { trackingInfo: { number: string }[] }[];
      app: unknown;
    };
    expect(order.totalPriceSet.presentmentMoney.currencyCode).toBe(shipped.presentmentCurrencyCode);
    expect(order.fulfillments[0]!.trackingInfo[0]!.number).toBe(shipped.fulfillments[0]!.trackingInfo[0]!.number);
    expect(order.app).toBeNull();
  });
});

describe("metafieldsSet", () => {
  const product = store.defaultShop.data.products[0]!;
  const mutation = `mutation CareDeskM($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { metafields { key value } userErrors { field message code } } }`;

  it("persists a value on a product and reads it back", () => {
    const set = run(mutation, {
      m: [{ ownerId: product.id, namespace: "reviews", key: "rating_count", type: "number_integer", value: "12" }],
    });
    expect(set.body.data).toEqual({
      metafieldsSet: { metafields: [{ key: "rating_count", value: "12" }], userErrors: [] },
    });
    const read = run(
      `query CareDeskR($id: ID!) { product(id: $id) { metafield(namespace: "reviews", key: "rating_count") { value type } } }`,
      { id: product.id },
    );
    expect(read.body.data).toEqual({ product: { metafield: { value: "12", type: "number_integer" } } });
  });

  it("answers bad input with userErrors, as Shopify does", () => {
    const { body } = run(mutation, {
      m: [{ ownerId: product.id, namespace: "reviews", key: "rating_count", type: "number_integer", value: "twelve" }],
    });
    expect((body.data!.metafieldsSet as { userErrors: { field: string[] }[] }).userErrors[0]!.field).toEqual([
      "metafields",
      "0",
      "value",
    ]);
  });
});

describe("metafieldsSet with compareDigest, metafieldsDelete, JSON size", () => {
  const product = store.defaultShop.data.products[1]!;
  const set = `mutation CareDeskM($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { metafields { key value compareDigest } userErrors { field message code } } }`;
  const input = (value: string, compareDigest?: string | null) => ({
    ownerId: product.id,
    namespace: "$app:reviews",
    key: "summary",
    type: "json",
    value,
    ...(compareDigest === undefined ? {} : { compareDigest }),
  });
  type SetResult = {
    metafieldsSet: { metafields: { compareDigest: string }[] | null; userErrors: { code: string }[] };
  };

  it("writes only when the digest is the one last read (null: must not exist yet)", () => {
    const first = run(set, { m: [input('{"v":1}', null)] }).body.data as SetResult;
    const digest = first.metafieldsSet.metafields![0]!.compareDigest;
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    // null again: it exists now
    const exists = run(set, { m: [input('{"v":2}', null)] }).body.data as SetResult;
    expect(exists.metafieldsSet.userErrors.map((e) => e.code)).toEqual(["STALE_OBJECT"]);
    // the right digest writes and changes the digest; the old one is stale afterwards
    const second = run(set, { m: [input('{"v":2}', digest)] }).body.data as SetResult;
    expect(second.metafieldsSet.userErrors).toEqual([]);
    expect(second.metafieldsSet.metafields![0]!.compareDigest).not.toBe(digest);
    const stale = run(set, { m: [input('{"v":3}', digest)] }).body.data as SetResult;
    expect(stale.metafieldsSet.userErrors.map((e) => e.code)).toEqual(["STALE_OBJECT"]);
    // without compareDigest: last write wins
    expect((run(set, { m: [input('{"v":4}')] }).body.data as SetResult).metafieldsSet.userErrors).toEqual([]);
  });

  it("refuses JSON values above 128 KB", () => {
    const big = JSON.stringify({ text: "x".repeat(128 * 1024) });
    const result = run(set, { m: [input(big)] }).body.data as SetResult;
    expect(result.metafieldsSet.userErrors.map((e) => e.code)).toEqual(["INVALID_VALUE"]);
  });

  it("deletes metafields by owner, namespace and key", () => {
    run(set, {
      m: [{ ownerId: product.id, namespace: "reviews", key: "rating_count", type: "number_integer", value: "3" }],
    });
    const deleted = run(
      `mutation CareDeskD($m: [MetafieldIdentifierInput!]!) { metafieldsDelete(metafields: $m) { deletedMetafields { key namespace } userErrors { message } } }`,
      { m: [{ ownerId: product.id, namespace: "reviews", key: "rating_count" }] },
    );
    expect(deleted.body.data).toEqual({
      metafieldsDelete: { deletedMetafields: [{ key: "rating_count", namespace: "reviews" }], userErrors: [] },
    });
    expect(product.metafields.find((m) => m.key === "rating_count")).toBeUndefined();
  });
});

describe("throttling", () => {
  it("answers THROTTLED when the bucket is empty and recovers", () => {
    api.setAvailable(shop, 0);
    const throttled = run(`{ shop { name } }`);
    expect(throttled.body.errors?.[0]?.extensions?.code).toBe("THROTTLED");
    expect(throttled.body.extensions?.cost.throttleStatus.currentlyAvailable).toBe(0);
    api.setAvailable(shop, 2000);
    expect(run(`{ shop { name } }`).body.data).toEqual({ shop: { name: store.defaultShop.shop.name } });
  });

  it("can be forced for the next requests, as GraphQL errors or HTTP 429", () => {
    api.forceThrottle(shop, 1, "http");
    expect(run(`{ shop { name } }`).status).toBe(429);
    expect(run(`{ shop { name } }`).status).toBe(200);
  });
});
