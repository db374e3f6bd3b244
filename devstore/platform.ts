// What every surface of the dev store shares: the app it hosts, the shop data, tokens,
// webhooks and mail. server.ts builds one and hands it to each surface's Hono sub-app.
import type { HttpBindings } from "@hono/node-server";
import type { TokenStore } from "./auth/tokens";
import type { AppConfig } from "./config";
import type { CustomerAccountApi } from "./customer-accounts/api";
import type { CustomerTokenStore } from "./customer-accounts/tokens";
import type { DevStore } from "./data/store";
import type { AdminApi } from "./graphql/admin-api";
import type { Mailbox } from "./mail/mailbox";
import type { Storefront } from "./storefront/render";
import type { Webhooks } from "./webhooks/delivery";

export type Env = { Bindings: HttpBindings };

export interface Platform {
  config: AppConfig;
  /** The app's API key (client_id) and secret. */
  apiKey: string;
  apiSecret: string;
  /** Where the app is served, without a trailing slash. */
  appUrl: string;
  /** The dev store's own origin (known once it listens). */
  origin(): string;
  store: DevStore;
  tokens: TokenStore;
  adminApi: AdminApi;
  /** New customer accounts: customer access tokens and the Customer Account API. */
  customerTokens: CustomerTokenStore;
  customerAccountApi: CustomerAccountApi;
  storefront: Storefront;
  webhooks: Webhooks;
  mailbox: Mailbox;
  smtpUrl: string;
  /** The demo shop's myshopify domain. */
  defaultShop: string;
  /**
   * The address the app's own load balancer appends to X-Forwarded-For (the proxy's egress as
   * it sees it), or null when the app is reached directly. See DevStoreOptions.appLoadBalancer.
   */
  loadBalancerHop: string | null;
}

export const handleOf = (shop: string) => shop.replace(/\.myshopify\.com$/, "");

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
