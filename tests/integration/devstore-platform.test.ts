// The dev store as the app sees it over HTTP: token exchange, the Admin GraphQL endpoint
// (typed graphql-request client), and webhook deliveries to the app's routes.
import { ClientError } from "graphql-request";
import { describe, expect, inject, it } from "vitest";
import { SHOP_PROFILE_QUERY } from "~/shop/profile.server";
import { sessionToken } from "../../devstore/auth/tokens";
import { createAdminClient } from "../support/admin-client";
import { devstore } from "../support/storefront";

async function accessToken(): Promise<string> {
  const response = await fetch(`${inject("devstoreOrigin")}/admin/oauth/access_token`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      client_id: inject("apiKey"),
      client_secret: inject("apiSecret"),
      grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
      subject_token: await sessionToken({
        shop: inject("shop"),
        apiKey: inject("apiKey"),
        apiSecret: inject("apiSecret"),
      }),
      subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
      requested_token_type: "urn:shopify:params:oauth:token-type:offline-access-token",
    }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

describe("Admin GraphQL endpoint", () => {
  it("serves the app's typed operations with an access token from token exchange", async () => {
    const admin = createAdminClient({ origin: inject("devstoreOrigin"), accessToken: await accessToken() });
    const { shop } = await admin.request(SHOP_PROFILE_QUERY);
    expect(shop.name).toBe("Maple & Fern Goods");
    expect(shop.orderNumberFormatPrefix).toBe("#");
  });

  it("rejects an unknown field with Shopify's validation error", async () => {
    const admin = createAdminClient({ origin: inject("devstoreOrigin"), accessToken: await accessToken() });
    const error = await admin.client
      .request(`query CareDeskBroken { shop { name shoeSize } }`)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClientError);
    expect((error as ClientError).response.errors?.[0]).toMatchObject({
      message: "Field 'shoeSize' doesn't exist on type 'Shop'",
      extensions: { code: "undefinedField" },
    });
  });

  it("requires a valid access token", async () => {
    const admin = createAdminClient({ origin: inject("devstoreOrigin"), accessToken: "shpat_not_a_token" });
    const error = (await admin.request(SHOP_PROFILE_QUERY).catch((e: unknown) => e)) as ClientError;
    expect(error.response.status).toBe(401);
  });

  it("token exchange refuses a wrong client secret", async () => {
    const response = await fetch(`${inject("devstoreOrigin")}/admin/oauth/access_token`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        client_id: inject("apiKey"),
        client_secret: "wrong",
        grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
      }),
    });
    expect(response.status).toBe(401);
  });

  it("the typed client retries THROTTLED", async () => {
    const admin = createAdminClient({ origin: inject("devstoreOrigin"), accessToken: await accessToken() });
    const before = (await devstore("/__devstore/throttle")) as { served: { graphql: number } };
    await devstore("/__devstore/throttle", { count: 2, mode: "graphql" });
    expect((await admin.request(SHOP_PROFILE_QUERY)).shop.name).toBe("Maple & Fern Goods");
    const after = (await devstore("/__devstore/throttle")) as { pending: number; served: { graphql: number } };
    expect(after).toMatchObject({ pending: 0 });
    expect(after.served.graphql - before.served.graphql).toBe(2);
  });
});

describe("webhook deliveries to the app", () => {
  it("a compliance webhook with a bad HMAC gets 401, a good one 200", async () => {
    const payload = { shop_domain: inject("shop"), customer: { id: 1 }, orders_requested: [1] };
    expect(await devstore("/__devstore/webhooks", { topic: "customers/data_request", payload, badHmac: true })).toEqual(
      { status: 401 },
    );
    expect(await devstore("/__devstore/webhooks", { topic: "customers/data_request", payload })).toEqual({
      status: 200,
    });
  });
});
