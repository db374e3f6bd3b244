// New customer accounts in the dev store: the Customer Account API (customer access tokens)
// and the session tokens Shopify gives customer account UI extensions for the app's backend.
import { Hono } from "hono";
import type { Env, Platform } from "../platform";
import { currentCustomer } from "../storefront/page";
import { CUSTOMER_API_VERSIONS } from "./api";
import { customerAccountHost } from "./pages";
import { customerAccountSessionToken } from "./tokens";

export function customerAccountRoutes(platform: Platform) {
  const { store, customerTokens, customerAccountApi, apiKey, apiSecret } = platform;
  const app = new Hono<Env>();

  app.post("/customer-account/api/:version/graphql.json", async (c) => {
    const grant = customerTokens.find(c.req.header("authorization")?.replace(/^Bearer\s+/i, ""));
    if (!grant) return c.json({ errors: [{ message: "Unauthorized", extensions: { code: "UNAUTHORIZED" } }] }, 401);
    if (!CUSTOMER_API_VERSIONS.includes(c.req.param("version"))) return c.json({ errors: "Not Found" }, 404);
    const shopStore = store.getShop(grant.shop);
    if (!shopStore) return c.json({ errors: "Not Found" }, 404);
    let body: { query?: unknown; variables?: unknown; operationName?: unknown };
    try {
      body = await c.req.json();
    } catch {
      return c.json({ errors: { query: "Required parameter missing or invalid" } }, 400);
    }
    const result = customerAccountApi.execute({
      store: shopStore,
      customerId: grant.customerId,
      origin: platform.origin(),
      ...body,
    });
    for (const [key, value] of Object.entries(result.headers)) c.header(key, value);
    return c.json(result.body as object, result.status as 200);
  });

  // What the account page's extension host hands an extension for `shopify.sessionToken.get()`:
  // the signed-in customer (cookie) as `sub`.
  app.get("/account/extensions/session-token", async (c) => {
    const customer = currentCustomer(c, store.defaultShop);
    const token = await customerAccountSessionToken({
      shop: store.defaultShop.shop.myshopifyDomain,
      apiKey,
      apiSecret,
      customerId: customer?.id ?? null,
    });
    c.header("Cache-Control", "no-store");
    return c.json({ token });
  });

  // The account page's customer access token for the Customer Account API (signed in only).
  app.post("/account/customer-access-token", (c) => {
    const customer = currentCustomer(c, store.defaultShop);
    if (!customer) return c.json({ error: "not signed in" }, 401);
    const grant = customerTokens.issue(store.defaultShop.shop.myshopifyDomain, customer.id);
    c.header("Cache-Control", "no-store");
    return c.json({ accessToken: grant.token, expiresAt: new Date(grant.expiresAt).toISOString() });
  });

  app.route("/", customerAccountHost(platform));
  return app;
}
