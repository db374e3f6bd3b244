// The local dev store: an offline emulation of the platform side of Shopify for Care Desk.
// Each surface is a Hono sub-app of its own module; this file builds what they share
// (devstore/platform.ts) and composes them.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { adminRoutes } from "./admin/routes";
import { oauthRoutes } from "./auth/oauth";
import { TokenStore } from "./auth/tokens";
import { PROJECT_ROOT, readAppConfig, type AppConfig } from "./config";
import { controlRoutes } from "./controls/routes";
import { createCustomerAccountApi } from "./customer-accounts/api";
import { customerAccountRoutes } from "./customer-accounts/routes";
import { CustomerTokenStore } from "./customer-accounts/tokens";
import type { SeedOptions } from "./data/seed";
import { DevStore } from "./data/store";
import { ADMIN_API_VERSIONS, createAdminApi, type AdminApi, type BucketSize } from "./graphql/admin-api";
import { adminApiRoutes } from "./graphql/routes";
import { Mailbox } from "./mail/mailbox";
import { mailRoutes } from "./mail/routes";
import { handleOf, type Env, type Platform } from "./platform";
import { Storefront } from "./storefront/render";
import { storefrontRoutes } from "./storefront/routes";
import { Webhooks, type Delivery, type WebhookSubscription } from "./webhooks/delivery";

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
  /**
   * Tests: webhook subscriptions instead of shopify.app.toml's (uri absolute, or relative to
   * the app URL).
   */
  webhookSubscriptions?: WebhookSubscription[];
  extensionsDir?: string;
  /** The Admin API's leaky bucket per app and shop (default: Shopify's Standard plan). */
  adminApiBucket?: BucketSize;
  /** Benchmarks: how long the dev store took over each Admin API request (arrival to answer sent). */
  onAdminApiRequest?: (durationMs: number) => void;
  /**
   * Stand in for the app's own load balancer between Shopify's app proxy and the app, as a
   * deployment has one (Fly, Render, Heroku, a cloud LB): it appends the address it saw to
   * X-Forwarded-For. Default true, matching the app's default TRUSTED_PROXY_HOPS=1.
   */
  appLoadBalancer?: boolean;
}

export interface RunningDevStore {
  origin: string;
  smtpUrl: string;
  store: DevStore;
  adminApi: AdminApi;
  mailbox: Mailbox;
  tokens: TokenStore;
  webhooks: Webhooks;
  shop: string;
  adminUrl: string;
  graphqlUrl: string;
  deliverWebhook(topic: string, payload: object, options?: { shop?: string; badHmac?: boolean }): Promise<Delivery>;
  close(): Promise<void>;
}

export async function startDevStore(options: DevStoreOptions): Promise<RunningDevStore> {
  const config = options.config ?? readAppConfig();
  const store = DevStore.open({ dir: options.dataDir, seed: options.seed });
  const mailbox = new Mailbox();
  const smtpPort = await mailbox.listen(options.smtpPort ?? 0);
  const appUrl = options.appUrl.replace(/\/$/, "");
  let origin = "";
  const platform: Platform = {
    config,
    apiKey: options.apiKey,
    apiSecret: options.apiSecret,
    appUrl,
    loadBalancerHop: options.appLoadBalancer === false ? null : "127.0.0.1",
    origin: () => origin,
    store,
    tokens: new TokenStore(options.dataDir ? path.join(options.dataDir, "tokens.json") : undefined),
    adminApi: createAdminApi(store, { origin: () => origin, bucket: options.adminApiBucket }),
    customerTokens: new CustomerTokenStore(),
    customerAccountApi: createCustomerAccountApi(),
    storefront: new Storefront(options.extensionsDir ?? path.join(PROJECT_ROOT, "extensions")),
    webhooks: new Webhooks({
      subscriptions: options.webhookSubscriptions ?? config.webhooks,
      appUrl,
      apiSecret: options.apiSecret,
      apiVersion: config.apiVersion,
    }),
    mailbox,
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    defaultShop: store.defaultShop.shop.myshopifyDomain,
  };

  const app = new Hono<Env>();
  app.route("/", adminRoutes(platform));
  app.route("/", oauthRoutes(platform));
  app.route("/", adminApiRoutes(platform));
  app.route("/", controlRoutes(platform));
  app.route("/", mailRoutes(platform));
  app.route("/", customerAccountRoutes(platform));
  app.route("/", storefrontRoutes(platform));
  app.onError((error, c) => {
    console.error("[devstore]", error);
    return c.text(`Dev store error: ${error.message}`, 500);
  });

  const server = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: options.host ?? "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const { onAdminApiRequest } = options;
  if (onAdminApiRequest) {
    // The platform's whole share of an Admin API call, from the request's arrival to the last
    // byte of the answer handed to the socket (what a benchmark subtracts from the app's time).
    server.on("request", (req: IncomingMessage, res: ServerResponse) => {
      if (!req.url?.startsWith("/admin/api/")) return;
      const started = performance.now();
      res.once("finish", () => onAdminApiRequest(performance.now() - started));
    });
  }
  const address = server.address() as AddressInfo;
  // "localhost", like the app: the admin and the embedded app are then the same site, as
  // the browser's storage partitioning expects of a local setup.
  origin = `http://localhost:${address.port}`;
  const { defaultShop } = platform;

  return {
    origin,
    smtpUrl: platform.smtpUrl,
    store,
    adminApi: platform.adminApi,
    mailbox,
    tokens: platform.tokens,
    webhooks: platform.webhooks,
    shop: defaultShop,
    adminUrl: `${origin}/store/${handleOf(defaultShop)}/apps/care-desk`,
    graphqlUrl: `${origin}/admin/api/${ADMIN_API_VERSIONS[0]}/graphql.json`,
    deliverWebhook: (topic, payload, { shop = defaultShop, badHmac } = {}) =>
      platform.webhooks.deliver(topic, payload, { shop, badHmac }),
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
