// One GraphQL executor for any of Shopify's published schemas: the schema, its resolvers and
// its cost policy are parameters. Invalid operations are rejected as Shopify rejects them;
// with a cost policy every response carries extensions.cost and a leaky bucket per client
// and shop throttles like Shopify's.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  buildClientSchema,
  execute,
  getNamedType,
  type GraphQLError,
  isAbstractType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  parse,
  validate,
  type DocumentNode,
  type GraphQLFieldResolver,
  type GraphQLOutputType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from "graphql";
import { queryCost, resultCost } from "./cost";

const schemas = new Map<string, GraphQLSchema>();
/** A schema fetched by `npm run setup` (scripts/shopify-schemas.mjs), e.g. "admin-2026-10". */
export function publishedSchema(name: string): GraphQLSchema {
  let schema = schemas.get(name);
  if (!schema) {
    const file = fileURLToPath(new URL(`../../app/types/${name}.schema.json`, import.meta.url));
    const introspection = JSON.parse(readFileSync(file, "utf8")) as { data: IntrospectionQuery };
    schema = buildClientSchema(introspection.data);
    schemas.set(name, schema);
  }
  return schema;
}

export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export interface BucketSize {
  /** Points the bucket holds (Shopify: 2000 on Standard plans). */
  maximumAvailable: number;
  /** Points restored per second (Shopify: 100 Standard, 200 Advanced, 1000 Plus). */
  restoreRate: number;
}

/** Shopify's calculated query cost with a leaky bucket (Admin API; Customer Account API). */
export interface CostPolicy {
  bucket: BucketSize;
  /** The single query maximum (Shopify: 1000). */
  maxCost: number;
}

export type Resolvers<C> = Record<string, Record<string, GraphQLFieldResolver<unknown, C, Record<string, unknown>>>>;

export interface ExecutorOptions<C> {
  schema: GraphQLSchema;
  resolvers: Resolvers<C>;
  /** Without one: no cost, no throttling. */
  cost?: CostPolicy;
  now?: () => number;
}

export interface ExecuteRequest<C> {
  /** Who is calling (e.g. the app's API key): each client has its own bucket per shop. */
  client: string;
  shop: string;
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
  context: C;
}

export interface Executor<C> {
  readonly schema: GraphQLSchema;
  execute(request: ExecuteRequest<C>): ApiResponse;
  /** Test control: the next `count` requests of this shop are throttled ("graphql": THROTTLED error; "http": 429). */
  forceThrottle(shop: string, count: number, mode?: "graphql" | "http"): void;
  /** Test control: empty or refill a shop's buckets. */
  setAvailable(shop: string, points: number): void;
  reset(): void;
  /** Test control: forced throttles not yet served, and throttled answers served so far. */
  throttleStats(shop: string): { pending: number; served: { graphql: number; http: number } };
}

class Bucket {
  available: number;
  private last: number | undefined;
  constructor(
    readonly maximum: number,
    readonly restoreRate: number,
  ) {
    this.available = maximum;
  }
  refill(now: number) {
    const elapsed = this.last === undefined ? 0 : Math.max(0, now - this.last);
    this.available = Math.min(this.maximum, this.available + (elapsed / 1000) * this.restoreRate);
    this.last = now;
  }
  status(): ThrottleStatus {
    return {
      maximumAvailable: this.maximum,
      currentlyAvailable: Math.floor(this.available),
      restoreRate: this.restoreRate,
    };
  }
}

export function createExecutor<C>({
  schema,
  resolvers,
  cost,
  now = () => Date.now(),
}: ExecutorOptions<C>): Executor<C> {
  const documents = new Map<string, { document: DocumentNode } | { errors: readonly GraphQLError[] }>();
  const buckets = new Map<string, Bucket>();
  const forced = new Map<string, { count: number; mode: "graphql" | "http" }>();
  const served = new Map<string, { graphql: number; http: number }>();
  const count = (shop: string, mode: "graphql" | "http") => {
    const stats = served.get(shop) ?? { graphql: 0, http: 0 };
    stats[mode]++;
    served.set(shop, stats);
  };

  const bucketFor = (client: string, shop: string, size: BucketSize) => {
    const key = `${client}:${shop}`;
    let bucket = buckets.get(key);
    if (!bucket) buckets.set(key, (bucket = new Bucket(size.maximumAvailable, size.restoreRate)));
    bucket.refill(now());
    return bucket;
  };

  function parsed(query: string) {
    let entry = documents.get(query);
    if (!entry) {
      try {
        const document = parse(query);
        const errors = validate(schema, document);
        entry = errors.length > 0 ? { errors } : { document };
      } catch (error) {
        entry = { errors: [error as GraphQLError] };
      }
      if (documents.size > 500) documents.clear();
      documents.set(query, entry);
    }
    return entry;
  }

  const fieldResolver: GraphQLFieldResolver<unknown, C> = (source, args, context, info) => {
    const override = resolvers[info.parentType.name]?.[info.fieldName];
    if (override) return override(source, args, context, info);
    const value =
      source && typeof source === "object" ? (source as Record<string, unknown>)[info.fieldName] : undefined;
    if (value === undefined) return emptyValue(info.returnType, info.schema);
    return shapeValue(value, info.returnType, args);
  };

  return {
    schema,
    execute(input): ApiResponse {
      if (typeof input.query !== "string" || input.query.trim() === "") {
        return { status: 400, headers: {}, body: { errors: { query: "Required parameter missing or invalid" } } };
      }
      const entry = parsed(input.query);
      if ("errors" in entry) return { status: 200, headers: {}, body: { errors: entry.errors.map(shopifyError) } };

      const force = forced.get(input.shop);
      let bucket: Bucket | undefined;
      let requested = 0;
      const extensions = (actual: number | null) =>
        bucket
          ? { cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: bucket.status() } }
          : undefined;

      if (cost) {
        bucket = bucketFor(input.client, input.shop, cost.bucket);
        requested = queryCost(schema, entry.document, input.operationName as string | undefined, input.variables);
        if (requested > cost.maxCost) {
          return {
            status: 200,
            headers: {},
            body: {
              errors: [
                {
                  message: `Query cost is ${requested}, which exceeds the single query max cost limit (${cost.maxCost}).\n\nSee https://shopify.dev/concepts/about-apis/rate-limits for more information on how the\ncost of a query is calculated.\n\nTo query larger amounts of data with fewer limits, bulk operations should be used instead.\nSee https://shopify.dev/tutorials/perform-bulk-operations-with-admin-api for usage details.\n`,
                  extensions: { code: "MAX_COST_EXCEEDED", cost: requested, maxCost: cost.maxCost },
                },
              ],
              extensions: extensions(null),
            },
          };
        }
      }
      if (force && force.count > 0) {
        force.count--;
        count(input.shop, force.mode);
        if (force.mode === "http") {
          return {
            status: 429,
            headers: { "Retry-After": "1" },
            body: {
              errors:
                "Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.",
            },
          };
        }
        return { status: 200, headers: {}, body: throttled(extensions(null)) };
      }
      if (bucket) {
        if (bucket.available < requested) {
          count(input.shop, "graphql");
          return { status: 200, headers: {}, body: throttled(extensions(null)) };
        }
        bucket.available -= requested;
      }

      const result = execute({
        schema,
        document: entry.document,
        variableValues: (input.variables ?? undefined) as Record<string, unknown> | undefined,
        operationName: (input.operationName ?? undefined) as string | undefined,
        contextValue: input.context,
        fieldResolver,
        typeResolver: (value) => (value as { __typename?: string }).__typename,
      }) as { data?: unknown; errors?: readonly GraphQLError[] };
      const body: Record<string, unknown> = {};
      if (result.errors) body.errors = result.errors.map(shopifyError);
      if (result.data !== undefined) body.data = result.data;
      if (bucket) {
        const actual = Math.min(requested, resultCost(result.data));
        bucket.available = Math.min(bucket.maximum, bucket.available + (requested - actual));
        body.extensions = extensions(actual);
      }
      return { status: 200, headers: {}, body };
    },
    forceThrottle(shop, count, mode = "graphql") {
      forced.set(shop, { count, mode });
    },
    setAvailable(shop, points) {
      for (const [key, bucket] of buckets) if (key.endsWith(`:${shop}`)) bucket.available = points;
    },
    reset() {
      buckets.clear();
      forced.clear();
      served.clear();
    },
    throttleStats(shop) {
      return { pending: forced.get(shop)?.count ?? 0, served: { graphql: 0, http: 0, ...served.get(shop) } };
    },
  };
}

function throttled(extensions: unknown) {
  return {
    errors: [
      {
        message: "Throttled",
        extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" },
      },
    ],
    extensions,
  };
}
/** graphql-js validation messages in the shape Shopify's (graphql-ruby) API answers with. */
export function shopifyError(error: GraphQLError): Record<string, unknown> {
  const base: Record<string, unknown> = { message: error.message };
  if (error.locations) base.locations = error.locations;
  if (error.path) base.path = error.path;
  let m = /^Cannot query field "(.+)" on type "(.+)"\./.exec(error.message);
  if (m) {
    return {
      ...base,
      message: `Field '${m[1]}' doesn't exist on type '${m[2]}'`,
      extensions: { code: "undefinedField", typeName: m[2], fieldName: m[1] },
    };
  }
  m = /^Unknown argument "(.+)" on field "(.+)\.(.+)"\./.exec(error.message);
  if (m) {
    return {
      ...base,
      message: `Field '${m[3]}' doesn't accept argument '${m[1]}'`,
      extensions: { code: "argumentNotAccepted", name: m[3], typeName: "Field", argumentName: m[1] },
    };
  }
  m = /^Variable "\$(.+)" of type "(.+)" used in position expecting type "(.+)"\./.exec(error.message);
  if (m) {
    return {
      ...base,
      message: `Type mismatch on variable $${m[1]} and argument (${m[2]} / ${m[3]})`,
      extensions: { code: "variableMismatch", variableName: m[1], typeName: m[2] },
    };
  }
  m = /^Field "(.+)" argument "(.+)" of type "(.+)" is required, but it was not provided\./.exec(error.message);
  if (m) {
    return {
      ...base,
      message: `Field '${m[1]}' is missing required arguments: ${m[2]}`,
      extensions: { code: "missingRequiredArguments", className: "Field", name: m[1], arguments: m[2] },
    };
  }
  return error.extensions && Object.keys(error.extensions).length ? { ...base, extensions: error.extensions } : base;
}

/** Arrays served as connections or sliced lists, as the field's type and arguments ask. */
export function shapeValue(value: unknown, type: GraphQLOutputType, args: Record<string, unknown>): unknown {
  const named = getNamedType(type);
  if (Array.isArray(value) && isObjectType(named) && named.name.endsWith("Connection")) return connection(value, args);
  if (Array.isArray(value) && typeof args.first === "number") return value.slice(0, args.first);
  return value;
}

export function connection<T>(items: T[], args: Record<string, unknown>) {
  let start = 0;
  let end = items.length;
  const decode = (cursor: unknown) =>
    typeof cursor === "string" ? Number(Buffer.from(cursor, "base64url").toString()) : NaN;
  const after = decode(args.after);
  const before = decode(args.before);
  if (!Number.isNaN(after)) start = Math.max(start, after + 1);
  if (!Number.isNaN(before)) end = Math.min(end, before);
  if (typeof args.first === "number") end = Math.min(end, start + args.first);
  if (typeof args.last === "number") start = Math.max(start, end - args.last);
  const slice = items
    .slice(start, end)
    .map((node, i) => ({ node, cursor: Buffer.from(String(start + i)).toString("base64url") }));
  return {
    edges: slice,
    nodes: slice.map((edge) => edge.node),
    pageInfo: {
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
      startCursor: slice[0]?.cursor ?? null,
      endCursor: slice.at(-1)?.cursor ?? null,
    },
  };
}

const SCALAR_DEFAULTS: Record<string, unknown> = {
  String: "",
  ID: "",
  Int: 0,
  Float: 0,
  Boolean: false,
  Decimal: "0.0",
  Money: "0.0",
  UnsignedInt64: "0",
  URL: "",
  HTML: "",
  FormattedString: "",
  DateTime: "1970-01-01T00:00:00Z",
  Date: "1970-01-01",
  JSON: {},
};

/**
 * A schema-valid empty value for a field the dev store holds no data for: null where the
 * schema allows it, otherwise an empty list/connection, zero, "" or an object of such.
 * Never invented data.
 */
export function emptyValue(type: GraphQLOutputType, schema: GraphQLSchema): unknown {
  if (!isNonNullType(type)) return null;
  const inner = type.ofType;
  if (isListType(inner)) return [];
  if (isScalarType(inner)) return SCALAR_DEFAULTS[inner.name] ?? "";
  if (isEnumType(inner)) return inner.getValues()[0]?.value;
  if (isObjectType(inner) && inner.name.endsWith("Connection")) return connection([], {});
  if (isAbstractType(inner)) return { __typename: schema.getPossibleTypes(inner)[0]?.name };
  return {};
}
