import { beforeAll, describe, expect, it, vi } from "vitest";
import type { AdminGraphql } from "~/graphql.server";

let lookup: typeof import("./model.server");

beforeAll(async () => {
  vi.stubEnv("SHOPIFY_API_KEY", "test-key");
  vi.stubEnv("SHOPIFY_API_SECRET", "test-secret");
  vi.stubEnv("SHOPIFY_APP_URL", "https://care-desk.test");
  lookup = await import("./model.server");
});

/** A graphql function that answers each expected call once and fails on anything else. */
function fakeGraphql(...answers: { expectQuery: string; data: unknown }[]) {
  const calls: { operation: string; variables: unknown }[] = [];
  const graphql = (async (operation: string, options?: { variables?: unknown }) => {
    calls.push({ operation, variables: options?.variables });
    const answer = answers.shift();
    if (!answer || !operation.includes(answer.expectQuery))
      throw new Error(`Unexpected Admin API call: ${operation.slice(0, 80)}`);
    return new Response(JSON.stringify({ data: answer.data }));
  }) as unknown as AdminGraphql;
  return { graphql, calls };
}

const order = (name: string, email: string | null, phone: string | null = null) => ({
  id: "gid://shopify/Order/1",
  name,
  email,
  phone,
  shippingAddress: null,
  billingAddress: null,
});

describe("parseLookupForm", () => {
  const profile = { orderNumberPrefix: "#", orderNumberSuffix: "", countryCode: "US" };

  it("accepts forgiving input", () => {
    expect(lookup.parseLookupForm({ order_number: " 1001 ", contact: " Jane@Example.com " }, profile)).toEqual({
      ok: true,
      orderName: "#1001",
      contact: { kind: "email", value: "jane@example.com" },
    });
  });

  it("names each missing or malformed field", () => {
    expect(lookup.parseLookupForm({}, profile)).toEqual({
      ok: false,
      errors: { order_number: "order_number_missing", contact: "contact_missing" },
    });
    expect(lookup.parseLookupForm({ order_number: "abc", contact: "nope" }, profile)).toEqual({
      ok: false,
      errors: { order_number: "order_number_invalid", contact: "contact_invalid" },
    });
    expect(lookup.parseLookupForm({ order_number: ["1001"], contact: { a: 1 } }, profile)).toMatchObject({ ok: false });
  });
});

describe("findOrder", () => {
  const contact = { kind: "email" as const, value: "jane@example.com" };

  it("makes exactly one Admin API call with the quoted order name", async () => {
    // GIVEN the shop has order #1001 placed with jane@example.com
    const { graphql, calls } = fakeGraphql({
      expectQuery: "CareDeskOrderLookup",
      data: { orders: { nodes: [order("#1001", "Jane@Example.com")] } },
    });
    // WHEN the shopper looks it up
    const found = await lookup.findOrder({ graphql, orderName: "#1001", contact, countryCode: "US" });
    // THEN it is found with one call
    expect(found?.name).toBe("#1001");
    expect(calls).toHaveLength(1);
    expect(calls[0]?.variables).toEqual({ query: 'name:"#1001"' });
  });

  it("does not accept another order that Shopify's tokenised search returned", async () => {
    const { graphql } = fakeGraphql({
      expectQuery: "CareDeskOrderLookup",
      data: { orders: { nodes: [order("#10012", "jane@example.com")] } },
    });
    expect(await lookup.findOrder({ graphql, orderName: "#1001", contact, countryCode: "US" })).toBeNull();
  });

  it("returns null for a wrong email and for an unknown order alike", async () => {
    const wrongEmail = fakeGraphql({
      expectQuery: "CareDeskOrderLookup",
      data: { orders: { nodes: [order("#1001", "someone@else.com")] } },
    });
    const unknown = fakeGraphql({ expectQuery: "CareDeskOrderLookup", data: { orders: { nodes: [] } } });
    expect(
      await lookup.findOrder({ graphql: wrongEmail.graphql, orderName: "#1001", contact, countryCode: "US" }),
    ).toBeNull();
    expect(
      await lookup.findOrder({ graphql: unknown.graphql, orderName: "#1001", contact, countryCode: "US" }),
    ).toBeNull();
  });

  it("matches a phone number on the order in E.164 with the shop's country", async () => {
    const { graphql } = fakeGraphql({
      expectQuery: "CareDeskOrderLookup",
      data: { orders: { nodes: [{ ...order("#1001", null), shippingAddress: { phone: "(415) 555-0123" } }] } },
    });
    const phone = { kind: "phone" as const, value: "+14155550123" };
    expect(await lookup.findOrder({ graphql, orderName: "#1001", contact: phone, countryCode: "US" })).not.toBeNull();
  });
});

describe("one-time codes", () => {
  it("are six digits", () => {
    for (let i = 0; i < 200; i++) expect(lookup.generateCode()).toMatch(/^\d{6}$/);
  });
});
