// The one shopifyApp() of Care Desk: auth, sessions, webhooks, app proxy.
// platform.server must load before the adapter, which reads APP_BRIDGE_URL when it loads.
// eslint-disable-next-line import-x/order
import { usePlatformOrigin } from "./platform.server";
import "@shopify/shopify-app-remix/adapters/node";
import { AppDistribution, LogSeverity, shopifyApp } from "@shopify/shopify-app-remix/server";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import { API_VERSION } from "./api-version";
import prisma from "./db.server";
import { env } from "./env.server";
import { RecentSessionStorage } from "./shop/sessions.server";

usePlatformOrigin();

const shopify = shopifyApp({
  apiKey: env.SHOPIFY_API_KEY,
  apiSecretKey: env.SHOPIFY_API_SECRET,
  apiVersion: API_VERSION,
  scopes: env.SCOPES?.split(","),
  appUrl: env.SHOPIFY_APP_URL,
  authPathPrefix: "/auth",
  sessionStorage: new RecentSessionStorage(new PrismaSessionStorage(prisma)),
  distribution: AppDistribution.AppStore,
  // The library logs every authenticated request at Info; outside development that is one line
  // per storefront request and no help. Warnings and errors are kept.
  logger: { level: env.NODE_ENV === "development" ? LogSeverity.Info : LogSeverity.Warning },
  future: {
    unstable_newEmbeddedAuthStrategy: true,
    // Offline tokens that expire after an hour and are refreshed by the library (public apps
    // must use them from 2027-01-01); Session keeps refreshToken / refreshTokenExpires.
    expiringOfflineAccessTokens: true,
  },
  ...(env.SHOP_CUSTOM_DOMAIN ? { customShopDomains: [env.SHOP_CUSTOM_DOMAIN] } : {}),
});

export default shopify;
export const apiVersion = API_VERSION;
export const addDocumentResponseHeaders = shopify.addDocumentResponseHeaders;
export const authenticate = shopify.authenticate;
export const unauthenticated = shopify.unauthenticated;
export const login = shopify.login;
export const registerWebhooks = shopify.registerWebhooks;
export const sessionStorage = shopify.sessionStorage;
