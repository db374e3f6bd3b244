// The dev store signs exactly as Shopify documents, and the official library agrees.
import "@shopify/shopify-api/adapters/web-api";
import { ApiVersion, shopifyApi } from "@shopify/shopify-api";
import { describe, expect, it } from "vitest";
import { appProxySignature, queryHmac, webhookHmac } from "./signatures";
import { sessionToken, verifySessionToken } from "./tokens";

const apiKey = "devstore-test-key";
const apiSecret = "devstore-test-secret";
const shopify = shopifyApi({
  apiKey,
  apiSecretKey: apiSecret,
  apiVersion: ApiVersion.July25,
  hostName: "care-desk.test",
  isEmbeddedApp: true,
  logger: { level: 0 },
});

describe("app proxy signature", () => {
  it("matches the example in Shopify's documentation", () => {
    // GIVEN the documented forwarded request and the shared secret "hush"
    const params = new URLSearchParams(
      "extra=1&extra=2&shop=shop-name.myshopify.com&logged_in_customer_id=1&path_prefix=%2Fapps%2Fawesome_reviews&timestamp=1317327555",
    );
    // THEN the signature is the documented one
    expect(appProxySignature(params, "hush")).toBe("4c68c8624d737112c91818c11017d24d334b524cb5c2b8ba08daa056f7395ddb");
  });

  it("is accepted by the official library, and a tampered one is not", async () => {
    const params = new URLSearchParams({
      shop: "maple.myshopify.com",
      logged_in_customer_id: "",
      path_prefix: "/apps/care",
      timestamp: String(Math.floor(Date.now() / 1000)),
    });
    params.set("signature", appProxySignature(params, apiSecret));
    expect(await shopify.utils.validateHmac(Object.fromEntries(params), { signator: "appProxy" })).toBe(true);
    params.set("shop", "other.myshopify.com");
    expect(await shopify.utils.validateHmac(Object.fromEntries(params), { signator: "appProxy" })).toBe(false);
  });
});

describe("admin query HMAC", () => {
  it("is accepted by the official library", async () => {
    const params = new URLSearchParams({
      shop: "maple.myshopify.com",
      host: "YWRtaW4uc2hvcGlmeS5jb20vc3RvcmUvbWFwbGU",
      timestamp: String(Math.floor(Date.now() / 1000)),
      embedded: "1",
    });
    params.set("hmac", queryHmac(params, apiSecret));
    expect(await shopify.utils.validateHmac(Object.fromEntries(params))).toBe(true);
  });
});

describe("webhook HMAC", () => {
  it("is accepted by the official library's webhook validation, and a bad one is not", async () => {
    const body = JSON.stringify({ shop_domain: "maple.myshopify.com" });
    const request = (hmac: string) =>
      new Request("https://care-desk.test/webhooks", {
        method: "POST",
        body,
        headers: {
          "X-Shopify-Hmac-Sha256": hmac,
          "X-Shopify-Topic": "shop/redact",
          "X-Shopify-Shop-Domain": "maple.myshopify.com",
          "X-Shopify-API-Version": "2026-10",
          "X-Shopify-Webhook-Id": "1",
        },
      });
    expect(
      (await shopify.webhooks.validate({ rawBody: body, rawRequest: request(webhookHmac(body, apiSecret)) })).valid,
    ).toBe(true);
    expect(
      (await shopify.webhooks.validate({ rawBody: body, rawRequest: request(webhookHmac(body, "wrong")) })).valid,
    ).toBe(false);
  });
});

describe("session tokens", () => {
  it("are accepted by the official library's decodeSessionToken", async () => {
    const token = await sessionToken({ shop: "maple.myshopify.com", apiKey, apiSecret });
    const payload = await shopify.session.decodeSessionToken(token);
    expect(payload.dest).toBe("https://maple.myshopify.com");
    expect(payload.aud).toBe(apiKey);
    expect(await verifySessionToken(token, { apiKey, apiSecret })).toMatchObject({ shop: "maple.myshopify.com" });
  });

  it("signed with another secret or expired are refused", async () => {
    const foreign = await sessionToken({ shop: "maple.myshopify.com", apiKey, apiSecret: "another" });
    await expect(shopify.session.decodeSessionToken(foreign)).rejects.toThrow();
    expect(await verifySessionToken(foreign, { apiKey, apiSecret })).toBeNull();
    const expired = await sessionToken({
      shop: "maple.myshopify.com",
      apiKey,
      apiSecret,
      now: Date.now() - 10 * 60_000,
    });
    expect(await verifySessionToken(expired, { apiKey, apiSecret })).toBeNull();
  });
});
