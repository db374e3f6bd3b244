// For the dev store's own tests: a dev store in memory, and Shopify's official library
// (@shopify/shopify-api, node adapter) pointed at it, the way the app points it there.
import { randomBytes } from "node:crypto";
import "@shopify/shopify-api/adapters/node";
import { ApiVersion, LogSeverity, RequestedTokenType, shopifyApi } from "@shopify/shopify-api";
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { sessionToken } from "./auth/tokens";
import { startDevStore, type DevStoreOptions } from "./server";

export async function startTestDevStore(options: Partial<DevStoreOptions> = {}) {
  const apiKey = `care-desk-${randomBytes(4).toString("hex")}`;
  const apiSecret = randomBytes(16).toString("hex");
  const devStore = await startDevStore({ appUrl: "http://localhost:9", apiKey, apiSecret, ...options });
  const shopify = shopifyApi({
    apiKey,
    apiSecretKey: apiSecret,
    apiVersion: ApiVersion.October26,
    hostName: "localhost",
    isEmbeddedApp: true,
    logger: { level: LogSeverity.Error },
  });
  // https://{shop}/… → the dev store, paths unchanged (as app/platform.server.ts does).
  const nativeFetch = globalThis.fetch;
  setAbstractFetchFunc((input, init) => {
    const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
    return nativeFetch(
      url.hostname.endsWith(".myshopify.com") ? `${devStore.origin}${url.pathname}${url.search}` : url,
      init,
    );
  });
  const exchange = async (expiring: boolean) => {
    const { session } = await shopify.auth.tokenExchange({
      shop: devStore.shop,
      sessionToken: await sessionToken({ shop: devStore.shop, apiKey, apiSecret }),
      requestedTokenType: RequestedTokenType.OfflineAccessToken,
      expiring,
    });
    return session;
  };
  /** An Admin API request over HTTP with an access token. */
  const admin = async <D = Record<string, unknown>>(accessToken: string, query: string, variables?: object) => {
    const response = await fetch(devStore.graphqlUrl, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": accessToken },
      body: JSON.stringify({ query, variables }),
    });
    return {
      status: response.status,
      body: (await response.json()) as { data?: D; errors?: unknown },
    };
  };
  return { devStore, apiKey, apiSecret, shopify, exchange, admin };
}
