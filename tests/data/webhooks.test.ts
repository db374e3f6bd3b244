// Webhook routes, called with real signed requests: HMAC verified by the official library,
// 401 on a bad or missing one, handlers idempotent on X-Shopify-Webhook-Id.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { callRoute, TEST_SHOP, useTestDatabase, webhookRequest } from "../support/app";

const shop = TEST_SHOP;
const database = useTestDatabase("sqlite");

const webhook = (topic: string, payload: object, options: Parameters<typeof webhookRequest>[2] = {}) =>
  webhookRequest(topic, payload, options);
const call = async (route: string, request: Request) => (await callRoute(route, request)).status;

const seedShop = async () => {
  await database.prisma.session.upsert({
    where: { id: `offline_${shop}` },
    create: { id: `offline_${shop}`, shop, state: "", accessToken: "shpat_test", scope: "read_orders" },
    update: {},
  });
  await database.prisma.shopProfile.upsert({
    where: { shop },
    create: {
      shop,
      name: "Maple",
      contactEmail: "hi@maple.test",
      currencyCode: "EUR",
      ianaTimezone: "UTC",
      storefrontUrl: "https://maple.test",
      refreshedAt: new Date(),
    },
    update: {},
  });
};

describe.each([
  [
    "webhooks.customers.data_request",
    "customers/data_request",
    { shop_domain: shop, customer: { id: 1 }, orders_requested: [1] },
  ],
  ["webhooks.customers.redact", "customers/redact", { shop_domain: shop, customer: { id: 1 }, orders_to_redact: [1] }],
  ["webhooks.shop.redact", "shop/redact", { shop_domain: shop }],
  ["webhooks.app.uninstalled", "app/uninstalled", { id: 1 }],
])("%s", (route, topic, payload) => {
  it("refuses a bad HMAC with 401", async () => {
    expect(await call(route, webhook(topic, payload, { key: "not-the-secret" }))).toBe(401);
  });

  it("refuses a missing HMAC with 401", async () => {
    expect(await call(route, webhook(topic, payload, { hmac: false }))).toBe(401);
  });

  it("accepts a valid delivery with 200", async () => {
    await seedShop();
    expect(await call(route, webhook(topic, payload))).toBe(200);
  });
});

describe("compliance and lifecycle effects", () => {
  it("shop/redact deletes the shop's data", async () => {
    await seedShop();
    expect(await call("webhooks.shop.redact", webhook("shop/redact", { shop_domain: shop }))).toBe(200);
    expect(await database.prisma.session.count({ where: { shop } })).toBe(0);
    expect(await database.prisma.shopProfile.count({ where: { shop } })).toBe(0);
  });

  it("app/uninstalled deletes the sessions and runs once per webhook id", async () => {
    await seedShop();
    const id = randomUUID();
    expect(await call("webhooks.app.uninstalled", webhook("app/uninstalled", {}, { id }))).toBe(200);
    expect(await database.prisma.session.count({ where: { shop } })).toBe(0);
    // GIVEN a new session after a reinstall, WHEN the same delivery arrives again, THEN it is not re-run
    await seedShop();
    expect(await call("webhooks.app.uninstalled", webhook("app/uninstalled", {}, { id }))).toBe(200);
    expect(await database.prisma.session.count({ where: { shop } })).toBe(1);
  });

  it("app/scopes_update records the new scopes on the session", async () => {
    await seedShop();
    const payload = { previous: ["read_orders"], current: ["read_orders", "read_all_orders"] };
    expect(await call("webhooks.app.scopes_update", webhook("app/scopes_update", payload))).toBe(200);
    expect((await database.prisma.session.findUnique({ where: { id: `offline_${shop}` } }))?.scope).toBe(
      "read_orders,read_all_orders",
    );
  });
});
