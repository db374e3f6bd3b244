import { describe, expect, it } from "vitest";
import { keyedHash, signLookupToken, verifyLookupToken } from "./tokens";

const secret = "shpss_test_secret";
const shop = "maple.myshopify.com";
const claims = { shop, orderId: "gid://shopify/Order/1" };

describe("lookup tokens", () => {
  it("round-trips the order and shop", async () => {
    const token = await signLookupToken("session", claims, secret);
    expect(await verifyLookupToken("session", token, { shop, secret })).toEqual(claims);
  });

  it("expires (30 minutes by default for sessions)", async () => {
    // GIVEN a session token issued now
    const now = Date.now();
    const token = await signLookupToken("session", claims, secret, { now });
    // THEN it is valid 29 minutes later and not 31 minutes later
    expect(await verifyLookupToken("session", token, { shop, secret, now: now + 29 * 60_000 })).not.toBeNull();
    expect(await verifyLookupToken("session", token, { shop, secret, now: now + 31 * 60_000 })).toBeNull();
  });

  it("is bound to the shop", async () => {
    const token = await signLookupToken("session", claims, secret);
    expect(await verifyLookupToken("session", token, { shop: "other.myshopify.com", secret })).toBeNull();
  });

  it("is bound to its kind: a challenge or link token is not a session", async () => {
    const challenge = await signLookupToken("challenge", { ...claims, challengeId: "c1" }, secret);
    expect(await verifyLookupToken("session", challenge, { shop, secret })).toBeNull();
    expect(await verifyLookupToken("challenge", challenge, { shop, secret })).toEqual({ ...claims, challengeId: "c1" });
    const link = await signLookupToken("link", claims, secret);
    expect(await verifyLookupToken("session", link, { shop, secret })).toBeNull();
  });

  it("rejects tampering, other secrets and garbage", async () => {
    const token = await signLookupToken("session", claims, secret);
    const [header, payload, signature] = token.split(".") as [string, string, string];
    const forged = JSON.parse(Buffer.from(payload, "base64url").toString());
    forged.sub = "gid://shopify/Order/2";
    const tampered = `${header}.${Buffer.from(JSON.stringify(forged)).toString("base64url")}.${signature}`;
    expect(await verifyLookupToken("session", tampered, { shop, secret })).toBeNull();
    expect(await verifyLookupToken("session", token, { shop, secret: "other" })).toBeNull();
    for (const junk of ["", "a.b.c", "x".repeat(5000), `${header}.${payload}.`]) {
      expect(await verifyLookupToken("session", junk, { shop, secret })).toBeNull();
    }
  });

  it("is not signed with the raw app secret (cannot pass for a Shopify session token)", async () => {
    const { jwtVerify } = await import("jose");
    const token = await signLookupToken("session", claims, secret);
    await expect(jwtVerify(token, new TextEncoder().encode(secret))).rejects.toThrow();
  });
});

describe("keyedHash", () => {
  it("is stable per purpose and differs across purposes", () => {
    expect(keyedHash(secret, "a", "x")).toBe(keyedHash(secret, "a", "x"));
    expect(keyedHash(secret, "a", "x")).not.toBe(keyedHash(secret, "b", "x"));
  });
});
