// adminQuery: throttling retried with the backoff Shopify asks for, everything else rethrown.
// Two kinds of fake, both failing on any call they were not told to expect:
// - a fake `graphql` function throwing errors built as @shopify/shopify-api builds them;
// - the official library end to end (shopifyApp → authenticate.admin / unauthenticated.admin
//   → admin.graphql) over a fake fetch that answers as Shopify does, so that a change in how
//   the library reports throttling breaks this test and not production.
import "@shopify/shopify-app-remix/adapters/node";
import { GraphqlQueryError, HttpResponseError, HttpThrottlingError } from "@shopify/shopify-api";
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import {
  API_KEY,
  API_SECRET_KEY,
  BASE64_HOST,
  getJwt,
  setUpValidSession,
  TEST_SHOP,
  TEST_SHOP_NAME,
} from "@shopify/shopify-api/test-helpers";
import { LogSeverity, shopifyApp } from "@shopify/shopify-app-remix/server";
import { testConfig } from "@shopify/shopify-app-remix/test-helpers";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { fail, fakeAdmin, ok } from "../tests/support/fake-admin";
import { SHOP_PROFILE } from "../tests/support/fixtures";
import { API_VERSION } from "./api-version";
import { ORDER_BY_ID_QUERY } from "./features/order-lookup/model.server";
import { AdminApiError, adminQuery, assertNoUserErrors, UserErrorsError } from "./graphql.server";
import { SHOP_PROFILE_QUERY } from "./shop/profile.server";
import { ThrottledError } from "./throttle";

// Real operations of the app, so that results and variables are typed by codegen.
const SHOP_QUERY = SHOP_PROFILE_QUERY;
const ORDER_QUERY = ORDER_BY_ID_QUERY;
const ORDER_ID = { id: "gid://shopify/Order/1001" };
const SHOP = SHOP_PROFILE;

// --- How Shopify answers -----------------------------------------------------------------------

const bucket = (currentlyAvailable: number) => ({ maximumAvailable: 2000, currentlyAvailable, restoreRate: 100 });

/** The body of a THROTTLED answer (HTTP 200), as the Admin API sends it. */
const throttledBody = (requestedQueryCost: number, currentlyAvailable: number) => ({
  errors: [
    {
      message: "Throttled",
      extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" },
    },
  ],
  extensions: {
    cost: { requestedQueryCost, actualQueryCost: null, throttleStatus: bucket(currentlyAvailable) },
  },
});

/** GraphqlQueryError exactly as @shopify/shopify-api's throwFailedRequest builds it. */
function graphqlQueryError(body: { errors: unknown[]; extensions?: unknown }): GraphqlQueryError {
  const response = new Response(JSON.stringify(body), { headers: { "Content-Type": "application/json" } });
  return new GraphqlQueryError({
    message: (body.errors[0] as { message: string }).message,
    response: response as unknown as Record<string, unknown>,
    headers: { "Content-Type": ["application/json"] },
    body: {
      ...(body.extensions ? { extensions: body.extensions } : {}),
      headers: response.headers,
      errors: {
        networkStatusCode: 200,
        message: "GraphQL Client: An error occurred while fetching from the API. Review 'graphQLErrors' for details.",
        graphQLErrors: body.errors,
        response,
      },
    } as unknown as Record<string, unknown>,
  });
}

// --- Time -----------------------------------------------------------------------------------
// setTimeout is faked; setImmediate stays real so that the code under test can run between
// checks. Math.random is pinned, so the jitter is 0.

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
async function until(condition: () => boolean) {
  for (let i = 0; i < 500 && !condition(); i++) await tick();
  expect(condition(), "the code under test neither finished nor started waiting").toBe(true);
}

/**
 * Runs `promise` to the end, letting each wait elapse, and checks that nothing happens a
 * millisecond before the wait is over. Returns the waits, in order.
 */
async function driveWaits(promise: Promise<unknown>, calls: { length: number }): Promise<number[]> {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  const setTimeoutSpy = vi.mocked(setTimeout);
  const waits: number[] = [];
  for (;;) {
    await until(() => settled || vi.getTimerCount() > 0);
    if (settled) return waits;
    const delay = setTimeoutSpy.mock.lastCall?.[1] ?? 0;
    waits.push(delay);
    const before = calls.length;
    if (delay > 0) {
      vi.advanceTimersByTime(delay - 1);
      for (let i = 0; i < 20; i++) await tick();
      expect(calls.length, `no new call before the ${delay} ms wait is over`).toBe(before);
    }
    vi.advanceTimersByTime(1);
    await until(() => settled || calls.length > before);
  }
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
  vi.spyOn(globalThis, "setTimeout");
  vi.spyOn(Math, "random").mockReturnValue(0);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

// --- adminQuery with a fake graphql function --------------------------------------------------

describe("adminQuery", () => {
  it("returns the data, passing variables only when the operation has some", async () => {
    const fake = fakeAdmin([
      { operation: SHOP_QUERY, reply: ok(SHOP) },
      { operation: ORDER_QUERY, variables: ORDER_ID, reply: ok({ order: null }) },
    ]);
    expect(await adminQuery(fake.graphql, SHOP_QUERY)).toEqual(SHOP);
    expect(await adminQuery(fake.graphql, ORDER_QUERY, ORDER_ID)).toEqual({ order: null });
    fake.done();
  });

  it("retries THROTTLED after the time the bucket needs to hold the query's cost", async () => {
    // 139 points wanted, 39 available, 100 restored per second → 1 s
    const fake = fakeAdmin([
      { operation: SHOP_QUERY, reply: fail(graphqlQueryError(throttledBody(139, 39))) },
      { operation: SHOP_QUERY, reply: fail(graphqlQueryError(throttledBody(139, 89))) },
      { operation: SHOP_QUERY, reply: ok(SHOP) },
    ]);
    const result = adminQuery(fake.graphql, SHOP_QUERY);
    expect(await driveWaits(result, fake.calls)).toEqual([1000, 500]);
    expect(await result).toEqual(SHOP);
    fake.done();
  });

  it("retries HTTP 429 from the library (HttpThrottlingError) after Retry-After", async () => {
    const error = new HttpThrottlingError({
      message: "Shopify is throttling requests",
      code: 429,
      statusText: "Too Many Requests",
      headers: { "Retry-After": ["2.0"] },
      retryAfter: 2,
    });
    const fake = fakeAdmin([
      { operation: SHOP_QUERY, reply: fail(error) },
      { operation: SHOP_QUERY, reply: ok(SHOP) },
    ]);
    const result = adminQuery(fake.graphql, SHOP_QUERY);
    expect(await driveWaits(result, fake.calls)).toEqual([2000]);
    expect(await result).toEqual(SHOP);
    fake.done();
  });

  it("retries a thrown 429 Response (authenticate.admin's client) after Retry-After, else with backoff", async () => {
    const throttled = (headers: Record<string, string> = {}) =>
      new Response(JSON.stringify({ errors: "Exceeded 2 calls per second" }), { status: 429, headers });
    const fake = fakeAdmin([
      { operation: SHOP_QUERY, reply: fail(throttled({ "Retry-After": "3" })) },
      { operation: SHOP_QUERY, reply: fail(throttled()) },
      { operation: SHOP_QUERY, reply: fail(throttled()) },
      { operation: SHOP_QUERY, reply: ok(SHOP) },
    ]);
    const result = adminQuery(fake.graphql, SHOP_QUERY);
    // Retry-After: 3; then nothing to go by: 1 s for the 2nd retry… doubled for the 3rd
    expect(await driveWaits(result, fake.calls)).toEqual([3000, 2000, 4000]);
    expect(await result).toEqual(SHOP);
    fake.done();
  });

  it("gives up after 5 attempts with a ThrottledError", async () => {
    const fake = fakeAdmin(
      Array.from({ length: 5 }, () => ({
        operation: SHOP_QUERY,
        reply: fail(graphqlQueryError(throttledBody(10, 0))),
      })),
    );
    const result = adminQuery(fake.graphql, SHOP_QUERY);
    const outcome = result.catch((e: unknown) => e);
    expect(await driveWaits(result, fake.calls)).toEqual([100, 100, 100, 100]);
    expect(await outcome).toBeInstanceOf(ThrottledError);
    fake.done();
  });

  it.each([
    [
      "a GraphQL error other than THROTTLED",
      graphqlQueryError({
        errors: [{ message: "Access denied for orders field.", extensions: { code: "ACCESS_DENIED" } }],
      }),
    ],
    [
      "an HTTP error from the library",
      new HttpResponseError({ message: "Unauthorized", code: 401, statusText: "Unauthorized" }),
    ],
    ["a thrown Response other than 429", new Response("Unauthorized", { status: 401 })],
    ["a network failure", new TypeError("fetch failed")],
  ])("rethrows %s at once", async (_what, error) => {
    const fake = fakeAdmin([{ operation: SHOP_QUERY, reply: fail(error) }]);
    await expect(adminQuery(fake.graphql, SHOP_QUERY)).rejects.toBe(error);
    expect(setTimeout).not.toHaveBeenCalled();
    fake.done();
  });

  it("refuses an answer without data", async () => {
    const fake = fakeAdmin([{ operation: SHOP_QUERY, reply: () => Response.json({ extensions: {} }) }]);
    await expect(adminQuery(fake.graphql, SHOP_QUERY)).rejects.toBeInstanceOf(AdminApiError);
    fake.done();
  });
});

describe("assertNoUserErrors", () => {
  it("returns a payload without userErrors", () => {
    const payload = { metafields: [{ id: "gid://shopify/Metafield/1" }], userErrors: [] };
    expect(assertNoUserErrors(payload)).toBe(payload);
  });

  it("throws the userErrors, each with its field path", () => {
    const error = (() => {
      try {
        assertNoUserErrors({
          userErrors: [
            { field: ["metafields", "0", "value"], message: "Value is invalid" },
            { field: null, message: "Shop is frozen" },
          ],
        });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(UserErrorsError);
    expect((error as UserErrorsError).message).toBe("metafields.0.value: Value is invalid; Shop is frozen");
    expect((error as UserErrorsError).userErrors).toHaveLength(2);
  });

  it("throws when the mutation returned no payload", () => {
    expect(() => assertNoUserErrors(null)).toThrow(AdminApiError);
    expect(() => assertNoUserErrors(undefined)).toThrow("The mutation returned no payload");
  });
});

// --- adminQuery over the official library ---------------------------------------------------

describe("adminQuery over the official library's admin.graphql", () => {
  const shopify = shopifyApp({
    ...testConfig({ future: { unstable_newEmbeddedAuthStrategy: true } }),
    apiVersion: API_VERSION,
    logger: { level: LogSeverity.Error, log: () => {} },
  });
  const endpoint = `https://${TEST_SHOP}/admin/api/${API_VERSION}/graphql.json`;

  /** Shopify's HTTP answers, in order; any other request fails the test. */
  let answers: Response[] = [];
  const requests: { url: string; operationName?: string }[] = [];

  beforeAll(async () => {
    await shopify.sessionStorage!.storeSession(setUpValidSession({ shop: TEST_SHOP }));
  });
  beforeEach(() => {
    answers = [];
    requests.length = 0;
    setAbstractFetchFunc(async (input, init) => {
      const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
      const body = JSON.parse(String(init?.body)) as { query: string };
      requests.push({ url, operationName: /query (\w+)/.exec(body.query)?.[1] });
      const answer = answers.shift();
      if (!answer) throw new Error(`unexpected request to ${url}`);
      return answer;
    });
  });
  afterEach(() => {
    expect(answers, "answers nobody asked for").toEqual([]);
  });

  const json = (body: unknown, init: ResponseInit = {}) =>
    new Response(JSON.stringify(body), {
      ...init,
      headers: { "Content-Type": "application/json", ...init.headers },
    });

  async function embeddedAdmin() {
    vi.useRealTimers();
    const { token } = await getJwt(TEST_SHOP_NAME, API_KEY, API_SECRET_KEY);
    const request = new Request(`https://my-test-app.myshopify.io/app?shop=${TEST_SHOP}&host=${BASE64_HOST}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const { admin } = await shopify.authenticate.admin(request);
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    vi.spyOn(globalThis, "setTimeout");
    return admin;
  }

  it("authenticate.admin: THROTTLED is retried when the bucket holds the query's cost", async () => {
    const admin = await embeddedAdmin();
    answers = [json(throttledBody(139, 39)), json({ data: SHOP, extensions: {} })];
    const result = adminQuery(admin.graphql, SHOP_QUERY);
    expect(await driveWaits(result, requests)).toEqual([1000]);
    expect(await result).toEqual(SHOP);
    expect(requests).toEqual([
      { url: endpoint, operationName: "CareDeskShopProfile" },
      { url: endpoint, operationName: "CareDeskShopProfile" },
    ]);
  });

  it("authenticate.admin: HTTP 429 (turned into a thrown Response by the library) is retried", async () => {
    const admin = await embeddedAdmin();
    answers = [
      json(
        { errors: "Exceeded 2 calls per second for api client." },
        { status: 429, headers: { "Retry-After": "2.0" } },
      ),
      json({ data: SHOP }),
    ];
    const result = adminQuery(admin.graphql, SHOP_QUERY);
    // the library's Response keeps only Content-Type, so the Retry-After is lost: first backoff
    expect(await driveWaits(result, requests)).toEqual([1000]);
    expect(await result).toEqual(SHOP);
  });

  it("authenticate.admin: other GraphQL errors are rethrown as the library's GraphqlQueryError", async () => {
    const admin = await embeddedAdmin();
    answers = [json({ errors: [{ message: "Access denied", extensions: { code: "ACCESS_DENIED" } }] })];
    await expect(adminQuery(admin.graphql, SHOP_QUERY)).rejects.toBeInstanceOf(GraphqlQueryError);
    expect(requests).toHaveLength(1);
  });

  it("unauthenticated.admin: HTTP 429 is retried after Retry-After", async () => {
    vi.useRealTimers();
    const { admin } = await shopify.unauthenticated.admin(TEST_SHOP);
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    vi.spyOn(globalThis, "setTimeout");
    answers = [
      json(
        { errors: "Exceeded 2 calls per second for api client." },
        { status: 429, headers: { "Retry-After": "2.0" } },
      ),
      json({ data: { order: null } }),
    ];
    const result = adminQuery(admin.graphql, ORDER_QUERY, ORDER_ID);
    expect(await driveWaits(result, requests)).toEqual([2000]);
    expect(await result).toEqual({ order: null });
  });
});
