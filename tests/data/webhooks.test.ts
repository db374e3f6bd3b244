// Webhook routes, called with real signed requests: HMAC verified by the official library,
// 401 on a bad or missing one, handlers idempotent on X-Shopify-Webhook-Id.
import { createHmac, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, TEST_APP_ENV } from "../setup/db";

const shop = "maple.myshopify.com";
let drop: () => Promise<void>;
let prisma: typeof import("~/db.server").default;

beforeAll(async () => {
  const database = await createTestDatabase("sqlite");
  drop = database.drop;
  vi.resetModules();
  globalThis.prismaGlobal = undefined;
  for (const [key, value] of Object.entries({ ...TEST_APP_ENV, DATABASE_URL: database.url })) vi.stubEnv(key, value);
  prisma = (await import("~/db.server")).default;
}, 60_000);

afterAll(async () => {
  await prisma?.$disconnect();
  globalThis.prismaGlobal = undefined;
  vi.unstubAllEnvs();
  await drop?.();
});

function webhook(
  topic: string,
  payload: object,
  { secret = TEST_APP_ENV.SHOPIFY_API_SECRET as string, id = randomUUID(), hmac = true } = {},
) {
  const body = JSON.stringify(payload);
  const headers = new Headers({
    "Content-Type": "application/json",
    "X-Shopify-Topic": topic,
    "X-Shopify-Shop-Domain": shop,
    "X-Shopify-API-Version": "2026-10",
    "X-Shopify-Webhook-Id": id,
    "X-Shopify-Triggered-At": new Date().toISOString(),
    "X-Shopify-Event-Id": randomUUID(),
  });
  if (hmac) headers.set("X-Shopify-Hmac-Sha256", createHmac("sha256", secret).update(body).digest("base64"));
  return new Request(`https://care-desk.test/webhooks/${topic}`, { method: "POST", headers, body });
}

async function call(route: string, request: Request): Promise<number> {
  const { action } = await import(`~/routes/${route}.tsx`);
  try {
    const response: Response = await action({ request, params: {}, context: {} });
    return response.status;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

const seedShop = async () => {
  await prisma.session.upsert({
    where: { id: `offline_${shop}` },
    create: { id: `offline_${shop}`, shop, state: "", accessToken: "shpat_test", scope: "read_orders" },
    update: {},
  });
  await prisma.shopProfile.upsert({
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
    expect(await call(route, webhook(topic, payload, { secret: "not-the-secret" }))).toBe(401);
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
    expect(await prisma.session.count({ where: { shop } })).toBe(0);
    expect(await prisma.shopProfile.count({ where: { shop } })).toBe(0);
  });

  it("app/uninstalled deletes the sessions and runs once per webhook id", async () => {
    await seedShop();
    const id = randomUUID();
    expect(await call("webhooks.app.uninstalled", webhook("app/uninstalled", {}, { id }))).toBe(200);
    expect(await prisma.session.count({ where: { shop } })).toBe(0);
    // GIVEN a new session after a reinstall, WHEN the same delivery arrives again, THEN it is not re-run
    await seedShop();
    expect(await call("webhooks.app.uninstalled", webhook("app/uninstalled", {}, { id }))).toBe(200);
    expect(await prisma.session.count({ where: { shop } })).toBe(1);
  });

  it("app/scopes_update records the new scopes on the session", async () => {
    await seedShop();
    const payload = { previous: ["read_orders"], current: ["read_orders", "read_all_orders"] };
    expect(await call("webhooks.app.scopes_update", webhook("app/scopes_update", payload))).toBe(200);
    expect((await prisma.session.findUnique({ where: { id: `offline_${shop}` } }))?.scope).toBe(
      "read_orders,read_all_orders",
    );
  });
});
