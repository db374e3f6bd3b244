// Expiring offline access tokens through Shopify's official library against the dev store
// over HTTP: token exchange with `expiring`, refresh, the old pair retired once the new one
// is used, expired tokens refused.
import { afterAll, describe, expect, it } from "vitest";
import { readAppConfig } from "../config";
import { startTestDevStore } from "../test-support";

const t = await startTestDevStore();
afterAll(() => t.devStore.close());
const SHOP_NAME = `{ shop { name } }`;
const HOUR = 3600_000;
const DAY = 86_400_000;

describe("expiring offline access tokens", () => {
  it("token exchange with expiring=1 returns an hour's access token and a 90-day refresh token", async () => {
    const session = await t.exchange(true);
    expect(session.isOnline).toBe(false);
    expect(session.accessToken).toMatch(/^shpat_/);
    expect(session.refreshToken).toMatch(/^shprt_/);
    expect(Math.abs(session.expires!.getTime() - (Date.now() + HOUR))).toBeLessThan(10_000);
    expect(Math.abs(session.refreshTokenExpires!.getTime() - (Date.now() + 90 * DAY))).toBeLessThan(10_000);
    expect(session.scope).toBe(readAppConfig().scopes.join(","));
    expect((await t.admin(session.accessToken!, SHOP_NAME)).status).toBe(200);
  });

  it("without expiring, the offline token does not expire", async () => {
    const session = await t.exchange(false);
    expect(session.expires).toBeUndefined();
    expect(session.refreshToken).toBeUndefined();
  });

  it("refresh returns a new pair; the old access token works until the new one is used", async () => {
    const first = await t.exchange(true);
    const { session: second } = await t.shopify.auth.refreshToken({
      shop: t.devStore.shop,
      refreshToken: first.refreshToken!,
    });
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.expires!.getTime()).toBeGreaterThan(Date.now() + HOUR - 10_000);

    // A lost answer: the old pair still works, and the old refresh token may be retried.
    expect((await t.admin(first.accessToken!, SHOP_NAME)).status).toBe(200);
    const { session: retried } = await t.shopify.auth.refreshToken({
      shop: t.devStore.shop,
      refreshToken: first.refreshToken!,
    });
    // The retry's pair replaces the unused one.
    expect((await t.admin(second.accessToken!, SHOP_NAME)).status).toBe(401);

    expect((await t.admin(retried.accessToken!, SHOP_NAME)).status).toBe(200);
    expect((await t.admin(first.accessToken!, SHOP_NAME)).status).toBe(401);
    await expect(
      t.shopify.auth.refreshToken({ shop: t.devStore.shop, refreshToken: first.refreshToken! }),
    ).rejects.toThrow();

    // The new refresh token keeps working.
    const { session: third } = await t.shopify.auth.refreshToken({
      shop: t.devStore.shop,
      refreshToken: retried.refreshToken!,
    });
    expect((await t.admin(third.accessToken!, SHOP_NAME)).body.data?.shop).toEqual({ name: "Maple & Fern Goods" });
  });

  it("a new expiring token revokes the app's earlier expiring tokens for the shop", async () => {
    const first = await t.exchange(true);
    const second = await t.exchange(true);
    expect((await t.admin(first.accessToken!, SHOP_NAME)).status).toBe(401);
    expect((await t.admin(second.accessToken!, SHOP_NAME)).status).toBe(200);
  });

  it("an expired access token gets 401; its refresh token still gets a new one", async () => {
    const session = await t.exchange(true);
    const expire = await fetch(`${t.devStore.origin}/__devstore/tokens/expire`, {
      method: "POST",
      body: JSON.stringify({ accessToken: session.accessToken }),
    });
    expect(expire.status).toBe(200);
    const { status, body } = await t.admin(session.accessToken!, SHOP_NAME);
    expect(status).toBe(401);
    expect(body.errors).toMatch(/Invalid API key or access token/);
    const { session: fresh } = await t.shopify.auth.refreshToken({
      shop: t.devStore.shop,
      refreshToken: session.refreshToken!,
    });
    expect((await t.admin(fresh.accessToken!, SHOP_NAME)).status).toBe(200);
  });

  it("refuses a refresh with a wrong client secret or an unknown refresh token", async () => {
    const session = await t.exchange(true);
    const refresh = (secret: string, refreshToken: string) =>
      fetch(`${t.devStore.origin}/admin/oauth/access_token`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          client_id: t.apiKey,
          client_secret: secret,
          grant_type: "refresh_token",
          refresh_token: refreshToken,
        }),
      });
    expect((await refresh("wrong", session.refreshToken!)).status).toBe(401);
    const unknown = await refresh(t.apiSecret, "shprt_unknown");
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ error: "invalid_grant" });
  });
});
