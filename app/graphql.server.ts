// The one way Care Desk calls the Admin API: the official `admin.graphql` (from
// authenticate.admin / authenticate.public.appProxy / unauthenticated.admin), wrapped so that
// every call is typed by codegen, throttling is retried with backoff, and GraphQL errors
// surface as exceptions instead of half-empty data.
import type { AdminOperations } from "@shopify/admin-api-client";
import { GraphqlQueryError, HttpResponseError } from "@shopify/shopify-api";
import type { AdminApiContext } from "@shopify/shopify-app-remix/server";
import { retryThrottled, type ThrottleStatus } from "./throttle";

export type AdminGraphql = AdminApiContext["graphql"];
type Variables<Op extends keyof AdminOperations> = AdminOperations[Op]["variables"];
type Result<Op extends keyof AdminOperations> = AdminOperations[Op]["return"];

export class AdminApiError extends Error {
  constructor(
    message: string,
    readonly errors: unknown,
  ) {
    super(message);
    this.name = "AdminApiError";
  }
}

/** A failed mutation: Shopify accepted the request but refused the input. */
export class UserErrorsError extends Error {
  constructor(readonly userErrors: readonly { field?: readonly string[] | null; message: string }[]) {
    super(userErrors.map((e) => (e.field?.length ? `${e.field.join(".")}: ${e.message}` : e.message)).join("; "));
    this.name = "UserErrorsError";
  }
}

/**
 * Runs a named, codegen-typed operation and returns its data. Retries THROTTLED responses and
 * HTTP 429 with backoff read from extensions.cost.throttleStatus (or Retry-After).
 */
export async function adminQuery<Op extends keyof AdminOperations & string>(
  graphql: AdminGraphql,
  operation: Op,
  ...[variables]: Variables<Op> extends Record<string, never> ? [] : [Variables<Op>]
): Promise<Result<Op>> {
  return retryThrottled(async () => {
    try {
      const response = await graphql(operation, variables ? { variables } : undefined);
      // The library throws GraphqlQueryError on GraphQL errors, so a body here has data.
      const body = await response.json();
      if (!body.data) throw new AdminApiError("The Admin API returned no data", undefined);
      return { ok: true as const, value: body.data as Result<Op> };
    } catch (error) {
      const throttle = throttledBy(error);
      if (throttle) return { ok: false as const, ...throttle };
      throw error;
    }
  });
}

/** Throws when a mutation payload carries userErrors; returns the payload otherwise. */
export function assertNoUserErrors<
  T extends { userErrors: readonly { field?: readonly string[] | null; message: string }[] },
>(payload: T | null | undefined): T {
  if (!payload) throw new AdminApiError("The mutation returned no payload", undefined);
  if (payload.userErrors.length > 0) throw new UserErrorsError(payload.userErrors);
  return payload;
}

function throttledBy(
  error: unknown,
): { throttleStatus?: ThrottleStatus; requestedCost?: number; retryAfterMs?: number } | undefined {
  if (error instanceof GraphqlQueryError) {
    const body = error.body as
      | {
          errors?: { graphQLErrors?: { extensions?: { code?: string } }[] };
          extensions?: { cost?: { requestedQueryCost?: number; throttleStatus?: ThrottleStatus } };
        }
      | undefined;
    const throttled = body?.errors?.graphQLErrors?.some((e) => e.extensions?.code === "THROTTLED");
    if (!throttled) return undefined;
    return {
      throttleStatus: body?.extensions?.cost?.throttleStatus,
      requestedCost: body?.extensions?.cost?.requestedQueryCost,
    };
  }
  // HTTP 429: thrown by the library as an HttpThrottlingError (app proxy, unauthenticated
  // contexts) or, from authenticate.admin's client, turned into a thrown Response.
  if (error instanceof HttpResponseError && error.response.code === 429) {
    const retryAfter = (error.response as { retryAfter?: number }).retryAfter;
    return { retryAfterMs: typeof retryAfter === "number" && retryAfter > 0 ? retryAfter * 1000 : undefined };
  }
  if (error instanceof Response && error.status === 429) {
    const retryAfter = Number(error.headers.get("Retry-After"));
    return { retryAfterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined };
  }
  return undefined;
}
