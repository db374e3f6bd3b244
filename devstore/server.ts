// The local dev store: an offline emulation of the platform side of Shopify for Care Desk.
// Admin (app embedded with session tokens), OAuth token exchange, Admin GraphQL API, app
// proxy (signed), storefront preview (Liquid), webhooks and a mailbox.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { serve, type HttpBindings } from "@hono/node-server";
import { Hono, type Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { adminPage } from "./admin/page";
import { appProxySignature, queryHmac, webhookHmac } from "./auth/signatures";
import { DEMO_STAFF, sessionToken, TokenStore, verifySessionToken } from "./auth/tokens";
import { PROJECT_ROOT, readAppConfig, type AppConfig } from "./config";
import type { SeedOptions } from "./data/seed";
import { DevStore, type ShopStore } from "./data/store";
import { ADMIN_API_VERSIONS, createAdminApi, type AdminApi, type BucketSize } from "./graphql/admin-api";
import { Mailbox } from "./mail/mailbox";
import { layout, STOREFRONT_LOCALES, Storefront, type PageContext } from "./storefront/render";

export interface DevStoreOptions {
  port?: number;
  host?: string;
  /** Where the app is served (the app's SHOPIFY_APP_URL). */
  appUrl: string;
  apiKey: string;
  apiSecret: string;
  /** Persist data here; in memory without it. */
  dataDir?: string;
  seed?: SeedOptions;
  smtpPort?: number;
  config?: AppConfig;
  extensionsDir?: string;
  /** The Admin API's leaky bucket per app and shop (default: Shopify's Standard plan). */
  adminApiBucket?: BucketSize;
  /** Benchmarks: how long each Admin API request took inside the dev store. */
  onAdminApiRequest?: (durationMs: number) => void;
}

export interface RunningDevStore {
  origin: string;
  smtpUrl: string;
  store: DevStore;
  adminApi: AdminApi;
  mailbox: Mailbox;
  tokens: TokenStore;
  shop: string;
  adminUrl: string;
  graphqlUrl: string;
  deliverWebhook(topic: string, payload: object, options?: { shop?: string; badHmac?: boolean }): Promise<Response>;
  close(): Promise<void>;
}

type Env = { Bindings: HttpBindings };

const APP_BRIDGE_JS = readFileSync(new URL("./app-bridge/app-bridge.js", import.meta.url), "utf8");

export async function startDevStore(options: DevStoreOptions): Promise<RunningDevStore> {
  const config = options.config ?? readAppConfig();
  const store = DevStore.open({ dir: options.dataDir, seed: options.seed });
  const tokens = new TokenStore(options.dataDir ? path.join(options.dataDir, "tokens.json") : undefined);
  const mailbox = new Mailbox();
  const smtpPort = await mailbox.listen(options.smtpPort ?? 0);
  const storefront = new Storefront(options.extensionsDir ?? path.join(PROJECT_ROOT, "extensions"));
  let origin = "";
  const adminApi = createAdminApi(store, { origin: () => origin, bucket: options.adminApiBucket });
  const appUrl = options.appUrl.replace(/\/$/, "");
  const { apiKey, apiSecret } = options;
  const defaultShop = store.defaultShop.shop.myshopifyDomain;

  const app = new Hono<Env>();

  // --- Admin -----------------------------------------------------------------------------
  const handleOf = (shop: string) => shop.replace(/\.myshopify\.com$/, "");
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

  // --- OAuth token exchange ----------------------------------------------------------------
  app.post("/admin/oauth/access_token", async (c) => {
    const type = c.req.header("content-type") ?? "";
    const body = type.includes("json")
      ? ((await c.req.json()) as Record<string, string>)
      : Object.fromEntries(new URLSearchParams(await c.req.text()));
    if (body.client_id !== apiKey || body.client_secret !== apiSecret) {
      return c.json({ error: "invalid_client", error_description: "Client credentials are invalid" }, 401);
    }
    if (
      body.grant_type !== "urn:ietf:params:oauth:grant-type:token-exchange" ||
      body.subject_token_type !== "urn:ietf:params:oauth:token-type:id_token"
    ) {
      return c.json(
        { error: "unsupported_grant_type", error_description: "Only token exchange is supported by the dev store" },
        400,
      );
    }
    const subject = await verifySessionToken(body.subject_token ?? "", { apiKey, apiSecret });
    if (!subject || !store.getShop(subject.shop))
      return c.json({ error: "invalid_subject_token", error_description: "Session token is invalid" }, 400);
    const online = body.requested_token_type === "urn:shopify:params:oauth:token-type:online-access-token";
    const grant = tokens.issue({
      shop: subject.shop,
      apiKey,
      scopes: config.scopes,
      online,
      expiresAt: online ? Date.now() + 86_400_000 : null,
      userId: online ? subject.userId : null,
    });
    const answer: Record<string, unknown> = { access_token: grant.token, scope: config.scopes.join(",") };
    if (online) {
      Object.assign(answer, {
        expires_in: 86_399,
        associated_user_scope: config.scopes.join(","),
        associated_user: {
          id: DEMO_STAFF.id,
          first_name: DEMO_STAFF.firstName,
          last_name: DEMO_STAFF.lastName,
          email: DEMO_STAFF.email,
          account_owner: true,
          locale: "en",
          collaborator: false,
          email_verified: true,
        },
      });
    }
    return c.json(answer);
  });

  // --- Admin GraphQL API -------------------------------------------------------------------
  app.use("/admin/api/*", async (c, next) => {
    const started = performance.now();
    await next();
    options.onAdminApiRequest?.(performance.now() - started);
  });
  app.post("/admin/api/:version/graphql.json", async (c) => {
    const grant = tokens.find(c.req.header("x-shopify-access-token"));
    if (!grant)
      return c.json({ errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" }, 401);
    if (!ADMIN_API_VERSIONS.includes(c.req.param("version"))) return c.json({ errors: "Not Found" }, 404);
    let body: { query?: unknown; variables?: unknown; operationName?: unknown };
    try {
      const type = c.req.header("content-type") ?? "";
      body = type.includes("application/graphql") ? { query: await c.req.text() } : await c.req.json();
    } catch {
      return c.json({ errors: { query: "Required parameter missing or invalid" } }, 400);
    }
    const result = adminApi.execute({
      shop: grant.shop,
      app: grant.apiKey,
      scopes: grant.scopes,
      query: body.query,
      variables: body.variables,
      operationName: body.operationName,
      costDebug: c.req.header("shopify-graphql-cost-debug") === "1",
    });
    for (const [key, value] of Object.entries(result.headers)) c.header(key, value);
    c.header("X-Request-Id", randomUUID());
    return c.json(result.body as object, result.status as 200);
  });

  // --- Test and tooling controls (not part of the emulated platform) ------------------------
  app.post("/__devstore/throttle", async (c) => {
    const {
      shop = defaultShop,
      count = 1,
      mode = "graphql",
      available,
    } = (await c.req.json()) as { shop?: string; count?: number; mode?: "graphql" | "http"; available?: number };
    if (typeof available === "number") adminApi.setAvailable(shop, available);
    else adminApi.forceThrottle(shop, count, mode);
    return c.json({ ok: true });
  });
  app.post("/__devstore/reset-throttle", (c) => {
    adminApi.reset();
    return c.json({ ok: true });
  });
  app.post("/__devstore/webhooks", async (c) => {
    const {
      topic,
      payload = {},
      shop = defaultShop,
      badHmac = false,
    } = (await c.req.json()) as { topic: string; payload?: object; shop?: string; badHmac?: boolean };
    const response = await deliverWebhook(topic, payload, { shop, badHmac });
    return c.json({ status: response.status });
  });
  app.post("/__devstore/uninstall", async (c) => {
    const shop = c.req.query("shop") ?? defaultShop;
    tokens.revoke(shop, apiKey);
    const response = await deliverWebhook(
      "app/uninstalled",
      { id: 1, name: store.getShop(shop)?.shop.name, myshopify_domain: shop },
      { shop },
    );
    return c.json({ uninstalled: true, webhookStatus: response.status });
  });
  app.get("/__devstore/mail.json", (c) => c.json(mailbox.find({ to: c.req.query("to") })));
  app.delete("/__devstore/mail.json", (c) => {
    mailbox.clear();
    return c.json({ ok: true });
  });
  app.get("/__devstore/mail", (c) => {
    const items = [...mailbox.mails]
      .reverse()
      .map(
        (m) =>
          `<article><h2>${esc(m.subject)}</h2><p>To ${esc(m.to.join(", "))} · ${esc(m.receivedAt)}</p>${m.html ? `<iframe title="${esc(m.subject)}" sandbox srcdoc="${esc(m.html)}" style="width:100%;height:16rem;border:1px solid #ccc"></iframe>` : `<pre>${esc(m.text)}</pre>`}</article>`,
      )
      .join("");
    return c.html(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Dev store mailbox</title></head><body style="font:15px system-ui;max-width:50rem;margin:2rem auto"><h1>Mailbox</h1><p>Every email the app sent through the dev store's SMTP server (${esc(`smtp://127.0.0.1:${smtpPort}`)}).</p>${items || "<p>No mail yet.</p>"}</body></html>`,
    );
  });

  // --- Storefront ------------------------------------------------------------------------
  app.get("/cdn/shop/products/:file", (c) => {
    const hue = Number(c.req.query("hue") ?? 90) % 360;
    const label = c.req
      .param("file")
      .replace(/\.svg$/, "")
      .replace(/-/g, " ");
    c.header("Content-Type", "image/svg+xml");
    c.header("Cache-Control", "public, max-age=86400");
    return c.body(
      `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800" viewBox="0 0 800 800"><rect width="800" height="800" fill="hsl(${hue} 35% 82%)"/><circle cx="400" cy="360" r="170" fill="hsl(${hue} 40% 62%)"/><text x="400" y="680" font-family="sans-serif" font-size="44" text-anchor="middle" fill="hsl(${hue} 40% 25%)">${esc(label)}</text></svg>`,
    );
  });
  app.get("/extensions/:extension/assets/:file", (c) => {
    const file = storefront.assetPath(c.req.param("extension"), c.req.param("file"));
    if (!file) return c.text("Not found", 404);
    c.header(
      "Content-Type",
      file.endsWith(".js")
        ? "text/javascript; charset=utf-8"
        : file.endsWith(".css")
          ? "text/css; charset=utf-8"
          : "application/octet-stream",
    );
    return c.body(readFileSync(file));
  });

  const currentCustomer = (c: Context<Env>, shopStore: ShopStore) => {
    const id = getCookie(c, "devstore_customer");
    return id ? (shopStore.customersById.get(`gid://shopify/Customer/${id}`) ?? null) : null;
  };
  const localeOf = (pathname: string) => {
    const match = /^\/(de|fr|es|ja)(?=\/|$)/.exec(pathname);
    return { locale: match?.[1] ?? "en", bare: pathname.slice(match ? match[0].length : 0) || "/" };
  };
  /** The Liquid context of a storefront page: the demo shop, its language and signed-in customer. */
  const pageContext = (
    c: Context<Env>,
    pageType: PageContext["pageType"],
    extra: Partial<PageContext> = {},
  ): PageContext => {
    const shopStore = store.defaultShop;
    return {
      shop: shopStore.shop,
      customer: currentCustomer(c, shopStore),
      locale: localeOf(c.req.path).locale,
      path: c.req.path,
      pageType,
      origin,
      ...extra,
    };
  };

  async function storefrontPage(
    c: Context<Env>,
    pageType: PageContext["pageType"],
    title: string,
    intro: string,
    extra: Partial<PageContext> = {},
  ) {
    const page = pageContext(c, pageType, extra);
    const blocks = storefront.blocksFor(pageType);
    const rendered = await Promise.all(blocks.map((block, index) => storefront.renderBlock(block, page, index)));
    const content = `<h1>${esc(title)}</h1>${intro}${rendered.map((html) => `<div class="shopify-app-block">${html}</div>`).join("\n")}`;
    return c.html(layout({ page, title, content, head: storefront.blockAssets(blocks) }));
  }

  const storefrontRoutes = new Hono<Env>();
  storefrontRoutes.get("/", (c) => {
    const shopStore = store.defaultShop;
    const products = shopStore.data.products
      .slice(0, 6)
      .map((p) => `<li><a href="/products/${p.handle}">${esc(p.title)}</a></li>`)
      .join("");
    const page = pageContext(c, "index");
    return c.html(
      layout({
        page,
        title: "Home",
        content: `<h1>${esc(shopStore.shop.name)}</h1><p>Storefront preview of the local dev store: every Care Desk block is placed on the pages below.</p><ul><li><a href="/pages/order-status">Order status page</a></li><li><a href="/pages/contact">Contact page</a></li><li><a href="/account">Customer account</a></li></ul><h2>Products</h2><ul>${products}</ul>`,
      }),
    );
  });
  storefrontRoutes.get("/products/:handle", (c) => {
    const product = store.defaultShop.productByHandle(c.req.param("handle"));
    if (!product) return c.text("Not found", 404);
    const image = product.images[0];
    const intro = `${image ? `<img src="${esc(image.url)}" alt="${esc(image.altText ?? "")}" width="320" height="320">` : ""}<p>${esc(product.description)}</p><p>$${esc(product.variants[0]?.price ?? "")}</p>`;
    return storefrontPage(c, "product", product.title, intro, { product });
  });
  storefrontRoutes.get("/pages/:handle", (c) => {
    const title = c.req
      .param("handle")
      .replace(/-/g, " ")
      .replace(/^./, (s) => s.toUpperCase());
    return storefrontPage(c, "page", title, "");
  });
  storefrontRoutes.get("/account", (c) => storefrontPage(c, "customers/account", "Account", ""));
  storefrontRoutes.get("/account/login", (c) => {
    const shopStore = store.defaultShop;
    const options = shopStore.data.customers
      .filter((cu) => cu.hasAccount && cu.email)
      .slice(0, 20)
      .map((cu) => `<option value="${esc(cu.email!)}">${esc(cu.displayName)} (${esc(cu.email!)})</option>`)
      .join("");
    const page = pageContext(c, "customers/account", { customer: null });
    return c.html(
      layout({
        page,
        title: "Sign in",
        content: `<h1>Sign in</h1><form method="post" action="/account/login"><label for="email">Sign in as a seeded customer</label> <select id="email" name="email">${options}</select> <button type="submit" class="button">Sign in</button></form>`,
      }),
    );
  });
  storefrontRoutes.post("/account/login", async (c) => {
    const form = await c.req.parseBody();
    const customer = store.defaultShop.findCustomerByEmail(String(form.email ?? ""));
    if (!customer?.hasAccount) return c.text("No such customer account", 400);
    setCookie(c, "devstore_customer", customer.id.split("/").pop()!, { path: "/", httpOnly: true, sameSite: "Lax" });
    return c.redirect("/account");
  });
  storefrontRoutes.get("/account/logout", (c) => {
    deleteCookie(c, "devstore_customer", { path: "/" });
    return c.redirect("/");
  });

  // The app proxy: /apps/care/* → the app, signed as Shopify signs it.
  if (config.appProxy) {
    const prefix = `/${config.appProxy.prefix}/${config.appProxy.subpath}`;
    storefrontRoutes.all(`${prefix}/*`, (c) => proxy(c, prefix));
    storefrontRoutes.all(prefix, (c) => proxy(c, prefix));
  }

  async function proxy(c: Context<Env>, prefix: string) {
    const shopStore = store.defaultShop;
    const { bare } = localeOf(c.req.path);
    const url = new URL(c.req.url);
    const rest = bare.slice(prefix.length);
    const target = new URL(`${appUrl}${config.appProxy!.path}${rest}`);
    const params = new URLSearchParams(url.search);
    for (const key of ["shop", "logged_in_customer_id", "path_prefix", "timestamp", "signature"]) params.delete(key);
    const customer = currentCustomer(c, shopStore);
    params.set("shop", shopStore.shop.myshopifyDomain);
    params.set("logged_in_customer_id", customer ? customer.id.split("/").pop()! : "");
    params.set("path_prefix", prefix);
    params.set("timestamp", String(Math.floor(Date.now() / 1000)));
    params.set("signature", appProxySignature(params, apiSecret));
    target.search = params.toString();

    const headers = new Headers();
    for (const name of ["content-type", "accept", "user-agent", "accept-language"]) {
      const value = c.req.header(name);
      if (value) headers.set(name, value);
    }
    // The shopper's address as the platform saw it. Tests stand in for different shoppers
    // with X-Devstore-Client-Ip (a dev store affordance; Shopify takes it from the connection).
    headers.set(
      "x-forwarded-for",
      c.req.header("x-devstore-client-ip") ?? c.env.incoming.socket.remoteAddress ?? "127.0.0.1",
    );
    headers.set("x-forwarded-host", url.host);
    const hasBody = c.req.method !== "GET" && c.req.method !== "HEAD";
    const response = await fetch(target, {
      method: c.req.method,
      headers,
      body: hasBody ? await c.req.arrayBuffer() : undefined,
      redirect: "manual",
    });
    const type = response.headers.get("content-type") ?? "";
    const passHeaders = new Headers();
    for (const name of ["cache-control", "retry-after", "location", "content-disposition"]) {
      const value = response.headers.get(name);
      if (value) passHeaders.set(name, value);
    }
    if (!type.startsWith("application/liquid")) {
      if (type) passHeaders.set("content-type", type);
      return new Response(response.body, { status: response.status, headers: passHeaders });
    }
    let body = await response.text();
    const noLayout = /^\s*{%-?\s*layout\s+none\s*-?%}/.test(body);
    body = body.replace(/^\s*{%-?\s*layout\s+none\s*-?%}/, "");
    const page = pageContext(c, "app_proxy", { customer });
    const html = await storefront.renderLiquid(body, page);
    passHeaders.set("content-type", "text/html; charset=utf-8");
    return new Response(noLayout ? html : layout({ page, title: config.name, content: html }), {
      status: response.status,
      headers: passHeaders,
    });
  }

  app.route("/", storefrontRoutes);
  for (const locale of STOREFRONT_LOCALES.filter((l) => l !== "en")) app.route(`/${locale}`, storefrontRoutes);

  app.onError((error, c) => {
    console.error("[devstore]", error);
    return c.text(`Dev store error: ${error.message}`, 500);
  });

  // --- Webhooks ----------------------------------------------------------------------------
  async function deliverWebhook(
    topic: string,
    payload: object,
    { shop = defaultShop, badHmac = false }: { shop?: string; badHmac?: boolean } = {},
  ) {
    const subscription = config.webhooks.find((w) => w.topics.includes(topic));
    if (!subscription) throw new Error(`The app has no subscription for ${topic}`);
    const body = JSON.stringify(payload);
    return fetch(new URL(subscription.uri, appUrl), {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "X-Shopify-Topic": topic,
        "X-Shopify-Hmac-Sha256": webhookHmac(body, badHmac ? `${apiSecret}-tampered` : apiSecret),
        "X-Shopify-Shop-Domain": shop,
        "X-Shopify-API-Version": config.apiVersion,
        "X-Shopify-Webhook-Id": randomUUID(),
        "X-Shopify-Triggered-At": new Date().toISOString(),
        "X-Shopify-Event-Id": randomUUID(),
      },
      body,
    });
  }

  const server = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: options.host ?? "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const address = server.address() as AddressInfo;
  // "localhost", like the app: the admin and the embedded app are then the same site, as
  // the browser's storage partitioning expects of a local setup.
  origin = `http://localhost:${address.port}`;

  return {
    origin,
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    store,
    adminApi,
    mailbox,
    tokens,
    shop: defaultShop,
    adminUrl: `${origin}/store/${handleOf(defaultShop)}/apps/care-desk`,
    graphqlUrl: `${origin}/admin/api/${ADMIN_API_VERSIONS[0]}/graphql.json`,
    deliverWebhook,
    async close() {
      store.saveNow();
      await mailbox.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
    },
  };
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
