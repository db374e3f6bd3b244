// The executor is not welded to the Admin API: Shopify's published Customer Account API
// schema, one tiny resolver and no cost policy make a second API, mounted over HTTP with the
// same handler as the Admin API.
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { Env } from "../platform";
import { createExecutor, publishedSchema } from "./executor";
import { graphqlHandler } from "./http";

type CustomerContext = { customer: { id: string; firstName: string; lastName: string; displayName: string } };

const customerAccountApi = createExecutor<CustomerContext>({
  schema: publishedSchema("customer-2026-10"),
  resolvers: { QueryRoot: { customer: (_s, _a, context) => context.customer } },
});

const app = new Hono<Env>();
app.post(
  "/:shopId/account/customer/api/:version/graphql",
  graphqlHandler<CustomerContext>(
    (c) =>
      c.req.header("authorization") === "shcat_test"
        ? {
            customer: { id: "gid://shopify/Customer/1", firstName: "Aiko", lastName: "Sato", displayName: "Sato Aiko" },
          }
        : c.json({ errors: [{ message: "Unauthorized" }] }, 401),
    (caller, body) =>
      customerAccountApi.execute({ client: "care-desk", shop: "maple-fern.myshopify.com", ...body, context: caller }),
  ),
);

const post = (query: string, authorization = "shcat_test") =>
  app.request("/123/account/customer/api/2026-10/graphql", {
    method: "POST",
    headers: { "Content-Type": "application/json", authorization },
    body: JSON.stringify({ query }),
  });

describe("a second published schema on the generic executor", () => {
  it("executes against the Customer Account schema, serving unresolved fields from the record", async () => {
    const response = await post(
      `{ customer { id displayName emailAddress { emailAddress } orders(first: 2) { nodes { id } } } }`,
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({
      data: {
        customer: {
          id: "gid://shopify/Customer/1",
          displayName: "Sato Aiko",
          emailAddress: null,
          orders: { nodes: [] },
        },
      },
    });
    // no cost policy: no cost extensions
    expect(body.extensions).toBeUndefined();
  });

  it("validates against that schema, not the Admin schema", async () => {
    // `numberOfOrders` exists on the Admin API's Customer, not on the Customer Account API's.
    const body = (await (await post(`{ customer { numberOfOrders } }`)).json()) as {
      errors: { message: string; extensions: { code: string } }[];
    };
    expect(body.errors[0]).toMatchObject({
      message: "Field 'numberOfOrders' doesn't exist on type 'Customer'",
      extensions: { code: "undefinedField" },
    });
  });

  it("authorizes before executing", async () => {
    expect((await post(`{ customer { id } }`, "nope")).status).toBe(401);
  });

  it("applies a cost policy when given one", () => {
    const costed = createExecutor<CustomerContext>({
      schema: publishedSchema("customer-2026-10"),
      resolvers: { QueryRoot: { customer: (_s, _a, context) => context.customer } },
      cost: { bucket: { maximumAvailable: 10, restoreRate: 1 }, maxCost: 1000 },
      now: () => 0,
    });
    const run = () =>
      costed.execute({
        client: "app",
        shop: "s",
        query: `{ customer { orders(first: 5) { nodes { id } } } }`,
        context: { customer: { id: "1", firstName: "", lastName: "", displayName: "" } },
      }).body as {
        data?: unknown;
        errors?: { extensions: { code: string } }[];
        extensions: { cost: { requestedQueryCost: number } };
      };
    const first = run();
    expect(first.extensions.cost.requestedQueryCost).toBe(8);
    expect(run().errors?.[0]?.extensions.code).toBe("THROTTLED");
  });
});
