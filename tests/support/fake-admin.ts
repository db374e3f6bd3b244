// The one fake Admin API client of the unit tests: a `graphql` function (the shape
// authenticate.admin / appProxy return) that answers the expected calls in order and fails
// the test on anything else — an unexpected call, another operation, other variables.
import { expect } from "vitest";
import type { AdminGraphql } from "~/graphql.server";

export type Reply = () => Response | Promise<Response>;

export interface ExpectedCall {
  /** The operation's name (CareDeskShopProfile) or its whole document. */
  operation: string;
  variables?: unknown;
  reply: Reply;
}

const nameOf = (document: string) => /\b(?:query|mutation)\s+(\w+)/.exec(document)?.[1];

export function fakeAdmin(expected: ExpectedCall[]) {
  const queue = [...expected];
  const calls: { operation: string; options: unknown }[] = [];
  const graphql = async (operation: string, options?: { variables?: unknown }) => {
    calls.push({ operation, options });
    const next = queue.shift();
    if (!next) throw new Error(`unexpected call #${calls.length} to graphql: ${operation.slice(0, 60)}`);
    if (next.operation !== operation) expect(nameOf(operation)).toBe(next.operation);
    expect(options).toEqual(next.variables ? { variables: next.variables } : undefined);
    return next.reply();
  };
  return {
    graphql: graphql as unknown as AdminGraphql,
    calls,
    done: () => expect(queue, "expected graphql calls that were not made").toEqual([]),
  };
}

/** A successful answer with `data`. */
export const ok =
  (data: unknown): Reply =>
  () =>
    Response.json({ data });

/** The client throws (as the official library does for GraphQL and HTTP errors). */
export const fail =
  (error: unknown): Reply =>
  () => {
    throw error;
  };
