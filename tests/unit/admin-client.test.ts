// The typed graphql-request client of tooling, tests and benchmarks, over a fake fetch that
// answers as the Admin API does and fails on any request it was not told to expect.
import { ClientError } from "graphql-request";
import { afterEach, beforeEach, describe, expect, expectTypeOf, it, vi } from "vitest";
import { ORDER_BY_ID_QUERY } from "~/features/order-lookup/model.server";
import { SHOP_PROFILE_QUERY } from "~/shop/profile.server";
import { ThrottledError } from "~/throttle";
import type { CareDeskOrderLookupByIdQuery, CareDeskShopProfileQuery } from "~/types/admin.generated";
import { createAdminClient } from "../support/admin-client";

const SHOP = {
  shop: {
    name: "Maple & Fern",
    contactEmail: "hello@maple.example",
    ianaTimezone: "Europe/Berlin",
    orderNumberFormatPrefix: "#",
    orderNumberFormatSuffix: "",
    billingAddress: { countryCodeV2: "DE" },
    primaryDomain: { url: "https://maple.example" },
  },
};

const json = (body: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(body), {
    ...init,
    headers: { "Content-Type": "application/json", ...init.headers },
  });

const throttled = (requestedQueryCost: number, currentlyAvailable: number) =>
  json({
    errors: [{ message: "Throttled", extensions: { code: "THROTTLED" } }],
    extensions: {
      cost: {
        requestedQueryCost,
        actualQueryCost: null,
        throttleStatus: { maximumAvailable: 2000, currentlyAvailable, restoreRate: 100 },
      },
    },
  });

interface Sent {
  url: string;
  method: string;
  headers: Headers;
  body: { query: string; variables?: unknown; operationName?: string };
}

/** A fetch that gives these answers in order and fails on an extra request. */
function fakeFetch(answers: Response[]) {
  const sent: Sent[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    sent.push({
      url: String(input),
      method: init?.method ?? "GET",
      headers: new Headers(init?.headers),
      body: JSON.parse(String(init?.body)) as Sent["body"],
    });
    const answer = answers.shift();
    if (!answer) throw new Error(`unexpected request #${sent.length} to ${String(input)}`);
    return answer;
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, sent, left: answers };
}

const noWait = () => {
  const sleep = vi.fn(async (_ms: number) => {});
  return { sleep, waits: () => sleep.mock.calls.map((call) => call[0]) };
};

describe("createAdminClient", () => {
  beforeEach(() => {
    vi.spyOn(Math, "random").mockReturnValue(0); // no jitter
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("posts the operation to the versioned Admin API endpoint with the access token", async () => {
    const fake = fakeFetch([json({ data: SHOP })]);
    const admin = createAdminClient({
      origin: "http://127.0.0.1:4100/anything",
      accessToken: "shpat_1",
      fetch: fake.fetch,
    });
    expect(await admin.request(SHOP_PROFILE_QUERY)).toEqual(SHOP);
    expect(fake.sent).toHaveLength(1);
    const [request] = fake.sent;
    expect(request!.url).toBe("http://127.0.0.1:4100/admin/api/2026-10/graphql.json");
    expect(request!.method).toBe("POST");
    expect(request!.headers.get("X-Shopify-Access-Token")).toBe("shpat_1");
    expect(request!.headers.get("Content-Type")).toBe("application/json");
    expect(request!.body).toEqual({ query: SHOP_PROFILE_QUERY, operationName: "CareDeskShopProfile" });
  });

  it("sends the variables, and targets https://{shop} and the given version", async () => {
    const fake = fakeFetch([json({ data: { order: null } })]);
    const admin = createAdminClient({
      shop: "maple-fern.myshopify.com",
      accessToken: "shpat_2",
      apiVersion: "2026-07",
      fetch: fake.fetch,
    });
    expect(await admin.request(ORDER_BY_ID_QUERY, { id: "gid://shopify/Order/1" })).toEqual({ order: null });
    expect(fake.sent[0]!.url).toBe("https://maple-fern.myshopify.com/admin/api/2026-07/graphql.json");
    expect(fake.sent[0]!.body.variables).toEqual({ id: "gid://shopify/Order/1" });
  });

  it("refuses a shop that is not a myshopify.com domain (the token would go there)", () => {
    expect(() => createAdminClient({ shop: "evil.example/x?", accessToken: "shpat_3" })).toThrow(/myshopify\.com/);
  });

  it("is typed by codegen: variables required where the operation has some, results typed", () => {
    const admin = createAdminClient({ origin: "http://127.0.0.1:1", accessToken: "t" });
    expectTypeOf(admin.request<typeof SHOP_PROFILE_QUERY>).returns.resolves.toEqualTypeOf<CareDeskShopProfileQuery>();
    expectTypeOf(admin.request<typeof ORDER_BY_ID_QUERY>)
      .parameter(1)
      .toEqualTypeOf<{ id: string }>();
    expectTypeOf(
      admin.request<typeof ORDER_BY_ID_QUERY>,
    ).returns.resolves.toEqualTypeOf<CareDeskOrderLookupByIdQuery>();
    // Compile-time only (tsc --noEmit checks the directives). A string codegen does not know
    // is untyped (any), as with the official client.
    const _typeErrors = () => [
      // @ts-expect-error the operation needs $id
      admin.request(ORDER_BY_ID_QUERY),
      // @ts-expect-error $id is an ID, a string
      admin.request(ORDER_BY_ID_QUERY, { id: 1 }),
    ];
  });

  it("retries THROTTLED after the time the bucket needs", async () => {
    const fake = fakeFetch([throttled(139, 39), throttled(139, 89), json({ data: SHOP })]);
    const { sleep, waits } = noWait();
    const admin = createAdminClient({ origin: "http://store", accessToken: "t", fetch: fake.fetch, retry: { sleep } });
    expect(await admin.request(SHOP_PROFILE_QUERY)).toEqual(SHOP);
    expect(waits()).toEqual([1000, 500]);
    expect(fake.sent).toHaveLength(3);
  });

  it("retries HTTP 429 after Retry-After, whatever the body", async () => {
    const fake = fakeFetch([
      new Response("Too Many Requests", { status: 429, headers: { "Retry-After": "2.0" } }),
      json({ errors: "Exceeded 2 calls per second for api client." }, { status: 429 }),
      json({ data: SHOP }),
    ]);
    const { sleep, waits } = noWait();
    const admin = createAdminClient({
      origin: "http://store",
      accessToken: "t",
      fetch: fake.fetch,
      retry: { sleep, baseDelayMs: 300 },
    });
    expect(await admin.request(SHOP_PROFILE_QUERY)).toEqual(SHOP);
    // Retry-After: 2.0 → 2 s; then no Retry-After: the second backoff step (300 ms × 2)
    expect(waits()).toEqual([2000, 600]);
  });

  it("gives up with ThrottledError after the configured attempts", async () => {
    const fake = fakeFetch([throttled(10, 0), throttled(10, 0), throttled(10, 0)]);
    const { sleep } = noWait();
    const admin = createAdminClient({
      origin: "http://store",
      accessToken: "t",
      fetch: fake.fetch,
      retry: { sleep, attempts: 3 },
    });
    await expect(admin.request(SHOP_PROFILE_QUERY)).rejects.toBeInstanceOf(ThrottledError);
    expect(fake.sent).toHaveLength(3);
  });

  it.each([
    ["a 401", json({ errors: "[API] Invalid API key or access token" }, { status: 401 }), 401],
    [
      "a GraphQL error",
      json({
        errors: [{ message: "Field 'shoeSize' doesn't exist on type 'Shop'", extensions: { code: "undefinedField" } }],
      }),
      200,
    ],
  ])("throws %s as a ClientError without retrying", async (_what, answer, status) => {
    const fake = fakeFetch([answer]);
    const { sleep } = noWait();
    const admin = createAdminClient({ origin: "http://store", accessToken: "t", fetch: fake.fetch, retry: { sleep } });
    const error = await admin.request(SHOP_PROFILE_QUERY).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClientError);
    expect((error as ClientError).response.status).toBe(status);
    expect(sleep).not.toHaveBeenCalled();
    expect(fake.sent).toHaveLength(1);
  });
});
