// Test and tooling controls under /__devstore/ (not part of the emulated platform): throttle
// the Admin API, send webhooks, read the deliveries log, uninstall the app, expire an access
// token, and change an order as Shopify would (pay, fulfil, deliver, refund, cancel), which
// sends the webhooks Shopify sends for it.
import { Hono, type Context } from "hono";
import { OrderError, OrderOperations, type Change } from "../data/orders";
import type { Order } from "../data/types";
import type { Env, Platform } from "../platform";
import { fulfillmentPayload, orderPayload, refundPayload } from "../webhooks/payloads";

const body = async <T>(c: Context<Env>): Promise<T> => {
  const text = await c.req.text();
  return (text ? JSON.parse(text) : {}) as T;
};

export function controlRoutes({ store, adminApi, webhooks, tokens, apiKey, defaultShop }: Platform) {
  const app = new Hono<Env>();

  app.post("/__devstore/throttle", async (c) => {
    const {
      shop = defaultShop,
      count = 1,
      mode = "graphql",
      available,
    } = await body<{ shop?: string; count?: number; mode?: "graphql" | "http"; available?: number }>(c);
    if (typeof available === "number") adminApi.setAvailable(shop, available);
    else adminApi.forceThrottle(shop, count, mode);
    return c.json({ ok: true });
  });
  app.get("/__devstore/throttle", (c) => c.json(adminApi.throttleStats(c.req.query("shop") ?? defaultShop)));
  app.post("/__devstore/reset-throttle", (c) => {
    adminApi.reset();
    return c.json({ ok: true });
  });

  // Any payload to the app's subscription for a topic (a bad HMAC on demand).
  app.post("/__devstore/webhooks", async (c) => {
    const {
      topic,
      payload = {},
      shop = defaultShop,
      badHmac = false,
    } = await body<{ topic: string; payload?: object; shop?: string; badHmac?: boolean }>(c);
    const delivery = await webhooks.deliver(topic, payload, { shop, badHmac });
    return c.json(delivery.uri ? { status: delivery.status } : { status: null, notSubscribed: topic });
  });
  app.get("/__devstore/webhooks.json", (c) => {
    const topic = c.req.query("topic");
    return c.json(topic ? webhooks.log.filter((d) => d.topic === topic) : webhooks.log);
  });
  app.delete("/__devstore/webhooks.json", (c) => {
    webhooks.log.length = 0;
    return c.json({ ok: true });
  });

  app.post("/__devstore/uninstall", async (c) => {
    const shop = c.req.query("shop") ?? defaultShop;
    tokens.revoke(shop, apiKey);
    const delivery = await webhooks.deliver(
      "app/uninstalled",
      { id: 1, name: store.getShop(shop)?.shop.name, myshopify_domain: shop },
      { shop },
    );
    return c.json({ uninstalled: true, webhookStatus: delivery.status });
  });
  app.post("/__devstore/tokens/expire", async (c) => {
    const { accessToken = "" } = await body<{ accessToken?: string }>(c);
    return tokens.expire(accessToken) ? c.json({ expired: true }) : c.json({ error: "unknown access token" }, 404);
  });

  type Action = (ops: OrderOperations, order: Order, input: Record<string, unknown>) => Change;
  const actions: Record<string, Action> = {
    pay: (ops, order) => ops.pay(order),
    fulfil: (ops, order, input) => ops.fulfil(order, input),
    fulfill: (ops, order, input) => ops.fulfil(order, input),
    deliver: (ops, order, input) => ops.deliver(order, input),
    refund: (ops, order, input) => ops.refund(order, input),
    cancel: (ops, order, input) => ops.cancel(order, input),
  };
  app.post("/__devstore/orders/:id/:action", async (c) => {
    const shopStore = store.getShop(c.req.query("shop") ?? defaultShop);
    const action = actions[c.req.param("action")];
    if (!shopStore || !action) return c.json({ error: "Not found" }, 404);
    const id = decodeURIComponent(c.req.param("id"));
    const order = shopStore.ordersById.get(id.startsWith("gid://") ? id : `gid://shopify/Order/${id}`);
    if (!order) return c.json({ error: `No order ${id}` }, 404);
    let change: Change;
    try {
      change = action(new OrderOperations(shopStore), order, await body(c));
    } catch (error) {
      if (error instanceof OrderError) return c.json({ error: error.message }, 422);
      throw error;
    }
    store.changed();
    const deliveries = [];
    for (const event of change.events) {
      const payload = event.fulfillment
        ? fulfillmentPayload(event.fulfillment, order)
        : event.refund
          ? refundPayload(event.refund, order)
          : orderPayload(order, shopStore);
      const delivery = await webhooks.deliver(event.topic, payload, { shop: shopStore.shop.myshopifyDomain });
      deliveries.push({ topic: delivery.topic, uri: delivery.uri, status: delivery.status });
    }
    return c.json({ order: orderPayload(order, shopStore), deliveries });
  });
  return app;
}
