import { describe, expect, it } from "vitest";
import { signRequestToken, verifyRequestToken } from "./request-token";

const claims = {
  shop: "maple.myshopify.com",
  orderId: "gid://shopify/Order/1001",
  productId: "gid://shopify/Product/7",
  email: "ann@example.com",
  locale: "de",
};
const secret = "shpss_test";

describe("review request links", () => {
  it("verify for their shop until they expire", () => {
    const now = Date.parse("2026-11-23T00:00:00Z");
    const token = signRequestToken(claims, secret, now);
    expect(verifyRequestToken(token, claims.shop, secret, now)).toMatchObject(claims);
    expect(verifyRequestToken(token, "other.myshopify.com", secret, now)).toBeNull();
    expect(verifyRequestToken(token, claims.shop, secret, now + 61 * 86_400_000)).toBeNull();
  });
  it("refuse anything tampered with or malformed", () => {
    const token = signRequestToken(claims, secret);
    const [payload, signature] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ ...claims, productId: "gid://shopify/Product/8", exp: 9e9 })).toString(
      "base64url",
    );
    expect(verifyRequestToken(`${forged}.${signature}`, claims.shop, secret)).toBeNull();
    expect(verifyRequestToken(token, claims.shop, "another secret")).toBeNull();
    for (const bad of [undefined, "", "x", `${payload}`, `${payload}.${signature}.x`, "a".repeat(5000)])
      expect(verifyRequestToken(bad, claims.shop, secret)).toBeNull();
  });
});
