import { beforeAll, describe, expect, it, vi } from "vitest";
import { fakeAdmin, ok } from "../../../tests/support/fake-admin";
import { lookupOrder } from "../../../tests/support/fixtures";

let lookup: typeof import("./model.server");

beforeAll(async () => {
  vi.stubEnv("SHOPIFY_API_KEY", "test-key");
  vi.stubEnv("SHOPIFY_API_SECRET", "test-secret");
  vi.stubEnv("SHOPIFY_APP_URL", "https://care-desk.test");
  lookup = await import("./model.server");
});

const order = (name: string, email: string | null, phone: string | null = null) =>
  lookupOrder({ name, email, phone, shippingAddress: null, billingAddress: null });

/** The lookup's one Admin API call, answered with these orders. */
const lookupCall = (...nodes: unknown[]) =>
  fakeAdmin([
    { operation: "CareDeskOrderLookup", variables: { query: 'name:"#1001"' }, reply: ok({ orders: { nodes } }) },
  ]);

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
    const { graphql, calls } = lookupCall(order("#1001", "Jane@Example.com"));
    // WHEN the shopper looks it up
    const found = await lookup.findOrder({ graphql, orderName: "#1001", contact, countryCode: "US" });
    // THEN it is found with one call
    expect(found?.name).toBe("#1001");
    expect(calls).toHaveLength(1);
  });

  it("does not accept another order that Shopify's tokenised search returned", async () => {
    const { graphql } = lookupCall(order("#10012", "jane@example.com"));
    expect(await lookup.findOrder({ graphql, orderName: "#1001", contact, countryCode: "US" })).toBeNull();
  });

  it("returns null for a wrong email and for an unknown order alike", async () => {
    const wrongEmail = lookupCall(order("#1001", "someone@else.com"));
    const unknown = lookupCall();
    expect(
      await lookup.findOrder({ graphql: wrongEmail.graphql, orderName: "#1001", contact, countryCode: "US" }),
    ).toBeNull();
    expect(
      await lookup.findOrder({ graphql: unknown.graphql, orderName: "#1001", contact, countryCode: "US" }),
    ).toBeNull();
  });

  it("matches a phone number on the order in E.164 with the shop's country", async () => {
    const { graphql } = lookupCall({ ...order("#1001", null), shippingAddress: { phone: "(415) 555-0123" } });
    const phone = { kind: "phone" as const, value: "+14155550123" };
    expect(await lookup.findOrder({ graphql, orderName: "#1001", contact: phone, countryCode: "US" })).not.toBeNull();
  });
});

describe("one-time codes", () => {
  it("are six digits", () => {
    for (let i = 0; i < 200; i++) expect(lookup.generateCode()).toMatch(/^\d{6}$/);
  });
});
