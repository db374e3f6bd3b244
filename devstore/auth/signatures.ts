// Shopify's signatures, as documented:
// - app proxy: HMAC-SHA256 (hex) of the sorted query parameters, each "key=value" (several
//   values joined with ","), concatenated without separator, signature itself excluded;
// - webhooks: base64 HMAC-SHA256 of the raw body;
// - admin / OAuth query strings: hex HMAC-SHA256 of the sorted "key=value" pairs joined by "&".
import { createHmac } from "node:crypto";

export function appProxySignature(params: URLSearchParams, secret: string): string {
  const grouped = new Map<string, string[]>();
  for (const [key, value] of params) {
    if (key === "signature") continue;
    grouped.set(key, [...(grouped.get(key) ?? []), value]);
  }
  const message = [...grouped.entries()]
    .map(([key, values]) => `${key}=${values.join(",")}`)
    .sort()
    .join("");
  return createHmac("sha256", secret).update(message).digest("hex");
}

export function webhookHmac(body: string | Buffer, secret: string): string {
  return createHmac("sha256", secret).update(body).digest("base64");
}

export function queryHmac(params: URLSearchParams, secret: string): string {
  const message = [...params.entries()]
    .filter(([key]) => key !== "hmac" && key !== "signature")
    .map(([key, value]) => `${key}=${value}`)
    .sort()
    .join("&");
  return createHmac("sha256", secret).update(message).digest("hex");
}
