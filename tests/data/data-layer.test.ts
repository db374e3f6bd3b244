// The data layer against both databases Care Desk supports.
import { Session } from "@shopify/shopify-api";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { DATABASE_KINDS } from "../setup/db";
import { useTestDatabase } from "../support/app";

describe.each(DATABASE_KINDS)("data layer on %s", (kind) => {
  const database = useTestDatabase(kind);
  let deliveries: typeof import("~/webhooks/deliveries.server");
  let redaction: typeof import("~/privacy/redaction.server");
  let features: typeof import("~/features/index.server");
  let lookup: typeof import("~/features/order-lookup/model.server");
  let limits: typeof import("~/storefront/rate-limit.server");
  let settings: typeof import("~/shop/settings.server");
  let lookupSettings: typeof import("~/features/order-lookup/settings.server");

  beforeAll(async () => {
    deliveries = await import("~/webhooks/deliveries.server");
    redaction = await import("~/privacy/redaction.server");
    features = await import("~/features/index.server");
    lookup = await import("~/features/order-lookup/model.server");
    limits = await import("~/storefront/rate-limit.server");
    settings = await import("~/shop/settings.server");
    lookupSettings = await import("~/features/order-lookup/settings.server");
  }, 60_000);

  const shop = "maple.myshopify.com";

  it("stores, loads and deletes Shopify sessions (official Prisma session storage)", async () => {
    // GIVEN the session storage on this database
    const storage = new PrismaSessionStorage(database.prisma);
    const session = new Session({
      id: `offline_${shop}`,
      shop,
      state: "s",
      isOnline: false,
      scope: "read_orders",
      accessToken: "shpat_x",
    });
    // WHEN a session is stored
    expect(await storage.storeSession(session)).toBe(true);
    // THEN it loads back equal, is found by shop, and is gone after deletion
    expect((await storage.loadSession(session.id))?.accessToken).toBe("shpat_x");
    expect(await storage.findSessionsByShop(shop)).toHaveLength(1);
    expect(await storage.deleteSession(session.id)).toBe(true);
    expect(await storage.loadSession(session.id)).toBeUndefined();
  });

  it("runs a webhook handler once per delivery id, and again after a failure", async () => {
    const handler = vi.fn(async () => {});
    const delivery = { webhookId: "wh-1", shop, topic: "app/uninstalled" };
    expect(await deliveries.handleOnce(delivery, handler)).toBe(true);
    expect(await deliveries.handleOnce(delivery, handler)).toBe(false);
    expect(handler).toHaveBeenCalledTimes(1);

    const failing = vi.fn(async () => {
      throw new Error("boom");
    });
    await expect(deliveries.handleOnce({ ...delivery, webhookId: "wh-2" }, failing)).rejects.toThrow("boom");
    expect(await deliveries.handleOnce({ ...delivery, webhookId: "wh-2" }, handler)).toBe(true);
  });

  it("keeps delivery ids per shop: the same id from two shops is two deliveries, each handled once", async () => {
    const handler = vi.fn(async () => {});
    const a = { webhookId: "same", shop: "a.myshopify.com", topic: "t" };
    const b = { ...a, shop: "b.myshopify.com" };
    expect(await deliveries.handleOnce(a, handler)).toBe(true);
    expect(await deliveries.handleOnce(b, handler)).toBe(true);
    expect(await deliveries.handleOnce(a, handler)).toBe(false);
    expect(await deliveries.handleOnce(b, handler)).toBe(false);
    expect(handler).toHaveBeenCalledTimes(2);
    expect(await database.prisma.webhookDelivery.count({ where: { webhookId: "same" } })).toBe(2);
  });

  it("keeps each feature's settings section per shop, validated, with defaults", async () => {
    // GIVEN no stored settings: the defaults
    expect(await settings.getSettings(lookupSettings.lookupSettings, shop)).toEqual({ strict: false, strictSince: 0 });
    // WHEN a section is saved for one shop
    await settings.saveSettings(lookupSettings.lookupSettings, shop, { strict: true, strictSince: 0 });
    // THEN it reads back for that shop only
    expect(await settings.getSettings(lookupSettings.lookupSettings, shop)).toEqual({ strict: true, strictSince: 0 });
    expect(await settings.getSettings(lookupSettings.lookupSettings, "other.myshopify.com")).toEqual({
      strict: false,
      strictSince: 0,
    });
    // AND a value the schema refuses is neither saved nor read back
    await expect(
      settings.saveSettings(lookupSettings.lookupSettings, shop, { strict: "yes" } as unknown as { strict: boolean }),
    ).rejects.toThrow();
    await database.prisma.shopSetting.update({
      where: { shop_section: { shop, section: "order-lookup" } },
      data: { value: '{"strict":"garbage"' },
    });
    expect(await settings.getSettings(lookupSettings.lookupSettings, shop)).toEqual({ strict: false, strictSince: 0 });
  });

  it("records lookups and counts them per shop and outcome, last 7 days only", async () => {
    await lookup.recordLookup({ shop, outcome: "found" });
    await lookup.recordLookup({ shop, outcome: "found" });
    await lookup.recordLookup({ shop, outcome: "not_found" });
    await lookup.recordLookup({ shop: "other.myshopify.com", outcome: "found" });
    await database.prisma.lookupEvent.create({
      data: { shop, outcome: "found", createdAt: new Date(Date.now() - 8 * 86_400_000) },
    });
    expect(await lookup.lookupStats({ shop })).toEqual({ found: 2, notFound: 1, rateLimited: 0 });
  });

  it("accepts a one-time code once, within its lifetime and attempts", async () => {
    const orderId = "gid://shopify/Order/1";
    const { id, code } = await lookup.createChallenge({ shop, orderId });
    const wrong = code === "000000" ? "000001" : "000000";
    expect(await lookup.verifyChallenge({ shop, challengeId: id, orderId, code: wrong })).toBe(false);
    expect(await lookup.verifyChallenge({ shop: "other.myshopify.com", challengeId: id, orderId, code })).toBe(false);
    expect(await lookup.verifyChallenge({ shop, challengeId: id, orderId: "gid://shopify/Order/2", code })).toBe(false);
    expect(await lookup.verifyChallenge({ shop, challengeId: id, orderId, code })).toBe(true);
    expect(await lookup.verifyChallenge({ shop, challengeId: id, orderId, code })).toBe(false);

    const locked = await lookup.createChallenge({ shop, orderId });
    for (let i = 0; i < 5; i++) await lookup.verifyChallenge({ shop, challengeId: locked.id, orderId, code: "x" + i });
    for (let i = 0; i < 5; i++)
      await lookup.verifyChallenge({ shop, challengeId: locked.id, orderId, code: String(i).padStart(6, "9") });
    expect(await lookup.verifyChallenge({ shop, challengeId: locked.id, orderId, code: locked.code })).toBe(false);
  });

  it("takes code attempts atomically: 20 concurrent wrong guesses use exactly 5, then even the right code fails", async () => {
    const orderId = "gid://shopify/Order/77";
    const { id, code } = await lookup.createChallenge({ shop, orderId });
    const wrong = code === "000000" ? "000001" : "000000";
    const results = await Promise.all(
      Array.from({ length: 20 }, () => lookup.verifyChallenge({ shop, challengeId: id, orderId, code: wrong })),
    );
    expect(results).toEqual(Array(20).fill(false));
    expect((await database.prisma.lookupChallenge.findUnique({ where: { id } }))?.attempts).toBe(5);
    expect(await lookup.verifyChallenge({ shop, challengeId: id, orderId, code })).toBe(false);
  });

  it("opens the order once for two concurrent right guesses", async () => {
    const orderId = "gid://shopify/Order/78";
    const { id, code } = await lookup.createChallenge({ shop, orderId });
    const results = await Promise.all(
      [1, 2, 3].map(() => lookup.verifyChallenge({ shop, challengeId: id, orderId, code })),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("keeps one live challenge per order: a new lookup replaces the earlier code", async () => {
    const orderId = "gid://shopify/Order/79";
    const first = await lookup.createChallenge({ shop, orderId });
    const second = await lookup.createChallenge({ shop, orderId });
    expect(await database.prisma.lookupChallenge.count({ where: { shop, orderId } })).toBe(1);
    expect(await lookup.verifyChallenge({ shop, challengeId: first.id, orderId, code: first.code })).toBe(false);
    expect(await lookup.verifyChallenge({ shop, challengeId: second.id, orderId, code: second.code })).toBe(true);
  });

  it("spends an emailed link once, and refuses links and sessions proved before strict mode", async () => {
    const orderId = "gid://shopify/Order/80";
    const link = await lookup.issueLink({ shop, orderId });
    expect(await lookup.useLink({ token: link, shop, strictSince: 0 })).toMatchObject({ orderId });
    expect(await lookup.useLink({ token: link, shop, strictSince: 0 })).toBeNull();
    const later = Math.floor(Date.now() / 1000) + 3600; // strict mode switched on after these proofs
    expect(
      await lookup.useLink({ token: await lookup.issueLink({ shop, orderId }), shop, strictSince: later }),
    ).toBeNull();
    const session = await lookup.startSession({ shop, orderId });
    expect(await lookup.resumeSession({ token: session, shop, strictSince: 0 })).toMatchObject({ orderId });
    expect(await lookup.resumeSession({ token: session, shop, strictSince: later })).toBeNull();
  });

  it("ends a session a fixed time after the proof, however often it was renewed", async () => {
    const orderId = "gid://shopify/Order/81";
    const provedAt = Math.floor(Date.now() / 1000) - lookup.SESSION_MAX_AGE_SECONDS - 1;
    // a renewal keeps the proof time, so a token renewed a minute ago is still too old
    const renewed = await lookup.issueToken("session", { shop, orderId, provedAt });
    expect(await lookup.resumeSession({ token: renewed, shop, strictSince: 0 })).toBeNull();
    const fresh = await lookup.issueToken("session", { shop, orderId, provedAt: provedAt + 120 });
    const resumed = await lookup.resumeSession({ token: fresh, shop, strictSince: 0 });
    expect(resumed).not.toBeNull();
    expect((await lookup.readToken("session", resumed!.renewed, shop))?.provedAt).toBe(provedAt + 120);
  });

  it("counts rate-limit attempts atomically, and a new window starts after the old one expires", async () => {
    const limit = { points: 5, durationSeconds: 1 };
    const check = [{ name: "test", key: `k-${kind}`, limit }];
    const results = await Promise.all(Array.from({ length: 8 }, () => limits.consume(shop, check)));
    expect(results.filter((result) => result === null)).toHaveLength(5);
    expect(await limits.exhausted(shop, check)).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await limits.exhausted(shop, check)).toBeNull();
    expect(await limits.consume(shop, check)).toBeNull();
  });

  it("refuses a one-time code after its 10 minutes", async () => {
    const orderId = "gid://shopify/Order/3";
    const { id, code } = await lookup.createChallenge({ shop, orderId });
    await database.prisma.lookupChallenge.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await lookup.verifyChallenge({ shop, challengeId: id, orderId, code })).toBe(false);
  });

  it("shop/redact deletes everything held for the shop and nothing of other shops", async () => {
    // GIVEN data of the shop and of a shop whose domain ends with the same text
    const keep = `x${shop}`;
    const limit = { points: 10, durationSeconds: 600 };
    for (const s of [shop, keep]) {
      await database.prisma.session.create({ data: { id: `offline_${s}`, shop: s, state: "", accessToken: "t" } });
      await database.prisma.shopProfile.create({
        data: {
          shop: s,
          name: "x",
          contactEmail: "x@example.com",
          currencyCode: "EUR",
          ianaTimezone: "UTC",
          storefrontUrl: "https://x.test",
          refreshedAt: new Date(),
        },
      });
      await settings.saveSettings(lookupSettings.lookupSettings, s, { strict: true, strictSince: 0 });
      await lookup.recordLookup({ shop: s, outcome: "found" });
      await lookup.createChallenge({ shop: s, orderId: "gid://shopify/Order/9" });
      await deliveries.handleOnce({ webhookId: "w", shop: s, topic: "t" }, async () => {});
      await limits.consume(s, [{ name: "lookup-ip", key: "203.0.113.9", limit }]);
    }
    // WHEN the first shop is redacted
    await redaction.redactShop(features.REDACTORS, { shop });
    // THEN none of its rows remain, and the other shop's are intact
    const models = [
      "session",
      "shopProfile",
      "shopSetting",
      "lookupEvent",
      "lookupChallenge",
      "webhookDelivery",
    ] as const;
    for (const model of models) {
      const delegate = database.prisma[model] as unknown as { count(args: object): Promise<number> };
      expect(await delegate.count({ where: { shop } }), model).toBe(0);
      expect(await delegate.count({ where: { shop: keep } }), model).toBe(1);
    }
    expect(await database.prisma.rateLimit.count({ where: { key: { startsWith: `${shop}:` } } })).toBe(0);
    expect(await database.prisma.rateLimit.count({ where: { key: { startsWith: `${keep}:` } } })).toBe(1);
  });

  it("customers/redact removes pending codes of the customer's orders only", async () => {
    const s = "redact.myshopify.com";
    await lookup.createChallenge({ shop: s, orderId: "gid://shopify/Order/101" });
    await lookup.createChallenge({ shop: s, orderId: "gid://shopify/Order/102" });
    const report = await redaction.exportCustomerData(features.REDACTORS, {
      shop: s,
      customer: { id: 1 },
      ordersRequested: [101],
    });
    expect(report["order lookup"]).toHaveLength(1);
    await redaction.redactCustomer(features.REDACTORS, { shop: s, customer: { id: 1 }, ordersToRedact: [101] });
    expect(await database.prisma.lookupChallenge.count({ where: { shop: s } })).toBe(1);
  });
});
