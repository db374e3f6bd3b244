// The Admin API client of everything that is not the app (dev store tooling, tests,
// benchmarks): graphql-request, typed by the same codegen as the app's operations (the
// AdminOperations interface that app/types/admin.generated.d.ts adds to
// @shopify/admin-api-client), with the app's backoff on THROTTLED and HTTP 429.
//
//   const admin = createAdminClient({ shop: "x.myshopify.com", accessToken });       // Shopify
//   const admin = createAdminClient({ origin: devstoreOrigin, accessToken });        // dev store
//   const { shop } = await admin.request(SHOP_PROFILE_QUERY);                        // typed
//
// Pass an operation string from a `#graphql` literal; its variables and result are typed.
import type { AdminOperations } from "@shopify/admin-api-client";
import { ClientError, GraphQLClient } from "graphql-request";
import { API_VERSION } from "~/api-version";
import { retryThrottled, type Attempt, type RetryOptions, type ThrottleStatus } from "~/throttle";

type Variables<Op extends keyof AdminOperations> = AdminOperations[Op]["variables"];
type Result<Op extends keyof AdminOperations> = AdminOperations[Op]["return"];
/** No variables argument for operations without variables, a required one otherwise. */
type VariablesArg<Op extends keyof AdminOperations> =
  Variables<Op> extends Record<string, never> ? [] : [variables: Variables<Op>];

export interface AdminClientOptions {
  /** The shop's myshopify domain; the Admin API is then at https://{shop}. */
  shop?: string;
  /** Where the Admin API is served instead (the local dev store); paths are unchanged. */
  origin?: string;
  accessToken: string;
  apiVersion?: string;
  /** For tests: the fetch that graphql-request uses. */
  fetch?: typeof globalThis.fetch;
  retry?: RetryOptions;
}

export function createAdminClient({
  shop,
  origin,
  accessToken,
  apiVersion = API_VERSION,
  fetch,
  retry,
}: AdminClientOptions & ({ shop: string } | { origin: string })) {
  if (shop !== undefined && !/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/.test(shop)) {
    throw new Error(`createAdminClient: "${shop}" is not a myshopify.com domain`);
  }
  const base = new URL(origin ?? `https://${shop}`).origin;
  const endpoint = `${base}/admin/api/${apiVersion}/graphql.json`;
  const client = new GraphQLClient(endpoint, {
    headers: { "X-Shopify-Access-Token": accessToken },
    ...(fetch ? { fetch } : {}),
  });

  return {
    endpoint,
    /** The underlying graphql-request client, untyped and without retries. */
    client,
    /** Runs a codegen-typed operation; retries THROTTLED and HTTP 429; throws ClientError otherwise. */
    request<Op extends keyof AdminOperations & string>(operation: Op, ...[variables]: VariablesArg<Op>) {
      return retryThrottled(async (): Promise<Attempt<Result<Op>>> => {
        try {
          return {
            ok: true,
            value: await client.request<Result<Op>>(operation, variables as Record<string, unknown> | undefined),
          };
        } catch (error) {
          const throttled = error instanceof ClientError ? throttling(error) : undefined;
          if (!throttled) throw error;
          return throttled;
        }
      }, retry);
    },
  };
}

export type AdminClient = ReturnType<typeof createAdminClient>;

/** The retry a throttled answer asks for, or undefined when the error is something else. */
function throttling(error: ClientError): Extract<Attempt<never>, { ok: false }> | undefined {
  const { response } = error;
  if (response.status === 429) {
    const seconds = Number(response.headers?.get("Retry-After") ?? NaN);
    return { ok: false, retryAfterMs: Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined };
  }
  if (!response.errors?.some((e) => e.extensions?.code === "THROTTLED")) return undefined;
  const cost = (response.extensions as { cost?: { requestedQueryCost?: number; throttleStatus?: ThrottleStatus } })
    ?.cost;
  return { ok: false, throttleStatus: cost?.throttleStatus, requestedCost: cost?.requestedQueryCost };
}
