// The admin: Care Desk embedded in an iframe with shop/host/id_token/hmac as Shopify's admin
// opens it, the session tokens App Bridge's idToken() returns, and the App Bridge stand-in.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { Hono } from "hono";
import { queryHmac } from "../auth/signatures";
import { sessionToken } from "../auth/tokens";
import { handleOf, type Env, type Platform } from "../platform";
import { adminPage } from "./page";

const APP_BRIDGE_JS = readFileSync(new URL("../app-bridge/app-bridge.js", import.meta.url), "utf8");

export function adminRoutes({ store, config, apiKey, apiSecret, appUrl, defaultShop }: Platform) {
  const app = new Hono<Env>();
  const shopByHandle = (handle: string) => store.listShops().find((s) => handleOf(s.shop.myshopifyDomain) === handle);

  app.get("/admin", (c) => c.redirect(`/store/${handleOf(defaultShop)}/apps/care-desk`));
  app.get("/store/:handle/apps/care-desk", async (c) => {
    const shopStore = shopByHandle(c.req.param("handle"));
    if (!shopStore) return c.text("No such shop", 404);
    const shop = shopStore.shop.myshopifyDomain;
    const params = new URLSearchParams({
      embedded: "1",
      host: Buffer.from(`admin.shopify.com/store/${handleOf(shop)}`).toString("base64url"),
      id_token: await sessionToken({ shop, apiKey, apiSecret }),
      locale: "en",
      session: randomUUID().replaceAll("-", ""),
      shop,
      timestamp: String(Math.floor(Date.now() / 1000)),
    });
    params.set("hmac", queryHmac(params, apiSecret));
    return c.html(
      adminPage({
        shopName: shopStore.shop.name,
        shop,
        appName: config.name,
        iframeSrc: `${appUrl}/app?${params}`,
        appOrigin: new URL(appUrl).origin,
      }),
    );
  });
  // The admin page asks for session tokens on the app's behalf (App Bridge's idToken()).
  app.get("/__devstore/session-token", async (c) => {
    const shop = c.req.query("shop") ?? defaultShop;
    if (!store.getShop(shop)) return c.json({ error: "unknown shop" }, 404);
    return c.json({ token: await sessionToken({ shop, apiKey, apiSecret }) });
  });
  app.get("/shopifycloud/app-bridge.js", (c) => {
    c.header("Content-Type", "text/javascript; charset=utf-8");
    c.header("Access-Control-Allow-Origin", "*");
    return c.body(APP_BRIDGE_JS);
  });
  return app;
}
