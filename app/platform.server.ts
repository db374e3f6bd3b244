// The origin Care Desk reaches Shopify's platform at. In production that is Shopify itself
// (https://{shop}.myshopify.com, cdn.shopify.com) and this module changes nothing. With
// SHOPIFY_PLATFORM_ORIGIN set (refused in production by env.server.ts) the same requests go
// to that origin instead, paths unchanged. This is the only place that knows.
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { env } from "./env.server";

const SHOPIFY_CDN_APP_BRIDGE = "https://cdn.shopify.com/shopifycloud/app-bridge.js";

export const platformOrigin = env.SHOPIFY_PLATFORM_ORIGIN ? new URL(env.SHOPIFY_PLATFORM_ORIGIN).origin : undefined;

/** The App Bridge script the embedded admin loads. */
export const appBridgeUrl = platformOrigin
  ? `${platformOrigin}${new URL(SHOPIFY_CDN_APP_BRIDGE).pathname}`
  : SHOPIFY_CDN_APP_BRIDGE;

/** Maps a request for https://{shop}/… onto the platform origin. */
export function platformUrl(url: string): string {
  if (!platformOrigin) return url;
  const parsed = new URL(url);
  if (parsed.protocol !== "https:" || !isShopHost(parsed.hostname)) return url;
  return `${platformOrigin}${parsed.pathname}${parsed.search}`;
}

function isShopHost(hostname: string): boolean {
  return (
    hostname.endsWith(".myshopify.com") ||
    (env.SHOP_CUSTOM_DOMAIN !== undefined && hostname.endsWith(env.SHOP_CUSTOM_DOMAIN))
  );
}

if (platformOrigin) {
  // The shopify-app-remix node adapter reads this when it loads (see shopify.server.ts).
  process.env.APP_BRIDGE_URL = appBridgeUrl;
}

/**
 * Document headers for the platform origin: the admin that embeds the app lives there too,
 * so it may frame the app (the library's Content-Security-Policy names only Shopify's admin
 * origins), and App Bridge is preloaded from there.
 */
export function platformDocumentHeaders(headers: Headers): void {
  if (!platformOrigin) return;
  const policy = headers.get("Content-Security-Policy");
  if (policy?.includes("frame-ancestors")) {
    headers.set("Content-Security-Policy", policy.replace("frame-ancestors", `frame-ancestors ${platformOrigin}`));
  }
  const link = headers.get("Link");
  if (link?.includes(SHOPIFY_CDN_APP_BRIDGE)) headers.set("Link", link.replace(SHOPIFY_CDN_APP_BRIDGE, appBridgeUrl));
}

/** Installs the platform origin into the official library's HTTP layer. */
export function usePlatformOrigin(): void {
  if (!platformOrigin) return;
  const nativeFetch = globalThis.fetch;
  setAbstractFetchFunc((input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    return nativeFetch(platformUrl(url), init);
  });
}
