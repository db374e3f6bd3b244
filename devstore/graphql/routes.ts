// The Admin GraphQL API endpoint: /admin/api/{version}/graphql.json with an access token.
import { Hono } from "hono";
import type { AccessToken } from "../auth/tokens";
import type { Env, Platform } from "../platform";
import { ADMIN_API_VERSIONS } from "./admin-api";
import { graphqlHandler } from "./http";

export function adminApiRoutes({ tokens, adminApi }: Platform) {
  const app = new Hono<Env>();
  app.post(
    "/admin/api/:version/graphql.json",
    graphqlHandler<AccessToken>(
      (c) => {
        const grant = tokens.find(c.req.header("x-shopify-access-token"));
        if (!grant)
          return c.json(
            { errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" },
            401,
          );
        if (!ADMIN_API_VERSIONS.includes(c.req.param("version") ?? "")) return c.json({ errors: "Not Found" }, 404);
        return grant;
      },
      (grant, body, c) =>
        adminApi.execute({
          shop: grant.shop,
          app: grant.apiKey,
          scopes: grant.scopes,
          query: body.query,
          variables: body.variables,
          operationName: body.operationName,
          costDebug: c.req.header("shopify-graphql-cost-debug") === "1",
        }),
    ),
  );
  return app;
}
