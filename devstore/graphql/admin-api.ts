// The dev store's Admin GraphQL API: Shopify's published 2026-10 Admin schema on the generic
// executor, with the Admin resolvers and Shopify's cost model (1000 points a query, a leaky
// bucket per app and shop).
import type { GraphQLSchema } from "graphql";
import type { DevStore } from "../data/store";
import { createExecutor, publishedSchema, type ApiResponse, type BucketSize, type Executor } from "./executor";
import { createResolvers, type Context } from "./resolvers";

export const ADMIN_API_VERSIONS = ["2026-10"];

export function adminSchema(): GraphQLSchema {
  return publishedSchema(`admin-${ADMIN_API_VERSIONS[0]}`);
}

export interface ExecuteInput {
  shop: string;
  /** Who is calling (the app's API key): each app has its own bucket per shop. */
  app: string;
  scopes: string[];
  query: unknown;
  variables?: unknown;
  operationName?: unknown;
  costDebug?: boolean;
}

export interface AdminApi extends Pick<
  Executor<Context>,
  "forceThrottle" | "setAvailable" | "reset" | "throttleStats"
> {
  execute(input: ExecuteInput): ApiResponse;
}

export function createAdminApi(
  store: DevStore,
  {
    origin,
    now = () => Date.now(),
    bucket = { maximumAvailable: 2000, restoreRate: 100 },
  }: { origin: () => string; now?: () => number; bucket?: BucketSize },
): AdminApi {
  const executor = createExecutor<Context>({
    schema: adminSchema(),
    resolvers: createResolvers(),
    cost: { bucket, maxCost: 1000 },
    now,
  });
  return {
    execute(input) {
      const shopStore = store.getShop(input.shop);
      if (!shopStore) return { status: 404, headers: {}, body: { errors: "Not Found" } };
      return executor.execute({
        client: input.app,
        shop: input.shop,
        query: input.query,
        variables: input.variables,
        operationName: input.operationName,
        context: {
          store: shopStore,
          app: input.app,
          scopes: input.scopes,
          origin: origin(),
          now: now(),
          persist: () => store.changed(),
        },
      });
    },
    forceThrottle: (...args) => executor.forceThrottle(...args),
    throttleStats: (shop) => executor.throttleStats(shop),
    setAvailable: (...args) => executor.setAvailable(...args),
    reset: () => executor.reset(),
  };
}

export type { BucketSize };
