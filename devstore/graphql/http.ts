// A GraphQL endpoint over HTTP as Shopify serves its APIs: POST with a JSON body (or
// application/graphql), the caller authorized first, the executor's answer as JSON with
// its headers and an X-Request-Id. Each published API is one mount of this handler.
import { randomUUID } from "node:crypto";
import type { Context } from "hono";
import type { Env } from "../platform";
import type { ApiResponse } from "./executor";

export interface GraphqlBody {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

export function graphqlHandler<T>(
  authorize: (c: Context<Env>) => T | Response,
  run: (caller: T, body: GraphqlBody, c: Context<Env>) => ApiResponse,
) {
  return async (c: Context<Env>) => {
    const caller = authorize(c);
    if (caller instanceof Response) return caller;
    let body: GraphqlBody;
    try {
      const type = c.req.header("content-type") ?? "";
      body = type.includes("application/graphql") ? { query: await c.req.text() } : await c.req.json();
    } catch {
      return c.json({ errors: { query: "Required parameter missing or invalid" } }, 400);
    }
    const result = run(caller, body, c);
    for (const [key, value] of Object.entries(result.headers)) c.header(key, value);
    c.header("X-Request-Id", randomUUID());
    return c.json(result.body as object, result.status as 200);
  };
}
