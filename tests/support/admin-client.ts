// The GraphQL client of everything that is not the app (dev store tooling, tests,
// benchmarks): graphql-request, typed by the same codegen as the app's operations, with the
// same backoff on THROTTLED / 429.
import type { AdminOperations } from "@shopify/admin-api-client";
import { ClientError, GraphQLClient } from "graphql-request";
import { retryThrottled, type ThrottleStatus } from "~/throttle";

type Variables<Op extends keyof AdminOperations> = AdminOperations[Op]["variables"];
type Result<Op extends keyof AdminOperations> = AdminOperations[Op]["return"];

export function createAdminClient({
  origin,
  accessToken,
  apiVersion = "2026-10",
}: {
  origin: string;
  accessToken: string;
  apiVersion?: string;
}) {
  const client = new GraphQLClient(`${origin}/admin/api/${apiVersion}/graphql.json`, {
    headers: { "X-Shopify-Access-Token": accessToken },
  });
  return {
    client,
    request<Op extends keyof AdminOperations & string>(operation: Op, variables?: Variables<Op>): Promise<Result<Op>> {
      return retryThrottled(async () => {
        try {
          return {
            ok: true as const,
            value: await client.request<Result<Op>>(operation, variables as Record<string, unknown>),
          };
        } catch (error) {
          if (!(error instanceof ClientError)) throw error;
          const cost = (
            error.response.extensions as
              { cost?: { requestedQueryCost?: number; throttleStatus?: ThrottleStatus } } | undefined
          )?.cost;
          const throttled =
            error.response.status === 429 || error.response.errors?.some((e) => e.extensions?.code === "THROTTLED");
          if (!throttled) throw error;
          return {
            ok: false as const,
            throttleStatus: cost?.throttleStatus,
            requestedCost: cost?.requestedQueryCost,
            retryAfterMs: error.response.status === 429 ? 1000 : undefined,
          };
        }
      });
    },
  };
}
