// The schema contract: every GraphQL document in app/ and extensions/ is valid against
// Shopify's published 2026-10 schema of the API it targets, every operation is named
// CareDesk…, and the committed operation types are what codegen produces today.
//
// Which documents: every template literal that starts with a `#graphql` line (found with
// graphql-tag-pluck and Shopify's own pluck config, as codegen finds them) in .ts/.tsx/.js/
// .jsx/.mjs files, test files included, and every .graphql / .gql file. Fragments are resolved
// by name across files of the same API. A string that starts like an operation but is not
// tagged is a failure too: codegen cannot see it, so nothing would type or check it.
//
// Which API a document targets:
//   - a `#graphql:admin`, `#graphql:customer` or `#graphql:storefront` first line says so
//     (in a .graphql file: the same text as its first line);
//   - otherwise documents under extensions/*account*/ use the Customer Account API,
//   - and everything else (app/, other extensions) the Admin API.
// Codegen types only plain `#graphql` documents of app/, bench/ and tests/ (Admin API); a
// marked document is checked here but typed by nothing until a codegen project is added.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gqlPluckFromCodeStringSync } from "@graphql-tools/graphql-tag-pluck";
import { pluckConfig } from "@shopify/graphql-codegen";
import {
  buildClientSchema,
  GraphQLError,
  Kind,
  NoUnusedFragmentsRule,
  parse,
  specifiedRules,
  validate,
  visit,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type IntrospectionQuery,
  type OperationDefinitionNode,
} from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { API_VERSION } from "~/api-version";
import { ensureSchemas } from "../../scripts/shopify-schemas.mjs";

const root = path.resolve(__dirname, "../..");
const APIS = ["admin", "customer", "storefront"] as const;
type Api = (typeof APIS)[number];

// --- Finding documents ----------------------------------------------------------------------

interface SourceFile {
  /** Relative to the repository root, with forward slashes. */
  path: string;
  code: string;
}

const CODE_FILE = /\.(ts|tsx|js|jsx|mjs)$/;
const GRAPHQL_FILE = /\.(graphql|gql)$/;
const SKIPPED_DIRS = new Set(["node_modules", "dist", "build", "generated", "types"]);

function readSources(dir: string): SourceFile[] {
  const full = path.join(root, dir);
  return readdirSync(full).flatMap((name) => {
    const relative = `${dir}/${name}`;
    if (statSync(path.join(full, name)).isDirectory()) return SKIPPED_DIRS.has(name) ? [] : readSources(relative);
    if (!CODE_FILE.test(name) && !GRAPHQL_FILE.test(name)) return [];
    return [{ path: relative, code: readFileSync(path.join(full, name), "utf8") }];
  });
}

const realSources = () => [...readSources("app"), ...readSources("extensions")];

/** A `#graphql` (or `#graphql:<api>`) line at the start of a template literal. */
const TAG = /^\s*#graphql(?::(\w+))?\s*\n/i;
/** A string that starts like a named operation or fragment, or an anonymous `query {`. */
const UNTAGGED = /[`"']\s*(?:(?:query|mutation|subscription|fragment)\s+[A-Za-z_]\w*\s*[({@]|(?:query|mutation)\s*\{)/g;

const pluckOptions: typeof pluckConfig = {
  ...pluckConfig,
  isGqlTemplateLiteral: (node: { type: string; quasis?: { value: { raw: string } }[] }, options: unknown) =>
    (node.type === "TemplateLiteral" && TAG.test(node.quasis?.[0]?.value.raw ?? "")) ||
    pluckConfig.isGqlTemplateLiteral(node, options),
};

function apiOf(file: string, body: string): Api | string {
  const marker = TAG.exec(body)?.[1]?.toLowerCase();
  if (marker) return marker;
  return /^extensions\/[^/]*account[^/]*\//.test(file) ? "customer" : "admin";
}

interface Found {
  file: string;
  api: Api;
  document: DocumentNode;
}

interface Problems {
  /** Parse errors, unknown API markers, untagged documents, duplicate names. */
  source: string[];
  /** Schema validation errors, per operation (with its fragments) and per fragment. */
  invalid: string[];
  /** Operations without a name, or whose name does not start with CareDesk. */
  naming: string[];
}

interface Checked extends Problems {
  operations: { file: string; api: Api; operation: OperationDefinitionNode }[];
}

function findDocuments(files: SourceFile[], problems: Problems): Found[] {
  return files.flatMap(({ path: file, code }) => {
    let bodies: string[];
    if (GRAPHQL_FILE.test(file)) {
      bodies = [code];
    } else {
      bodies = gqlPluckFromCodeStringSync(file, code, pluckOptions).map((source) => source.body);
      // A tagged literal starts with `#graphql`, so whatever matches here is untagged.
      for (const [start] of code.matchAll(UNTAGGED)) {
        problems.source.push(`${file}: a GraphQL document without a #graphql tag (codegen cannot see it): ${start}`);
      }
    }
    return bodies.flatMap((body) => {
      const api = apiOf(file, body);
      if (!(APIS as readonly string[]).includes(api)) {
        problems.source.push(`${file}: unknown API "${api}" in #graphql:${api}`);
        return [];
      }
      try {
        return [{ file, api: api as Api, document: parse(body) }];
      } catch (error) {
        problems.source.push(`${file}: ${error instanceof GraphQLError ? error.message : String(error)}`);
        return [];
      }
    });
  });
}

// --- Checking them --------------------------------------------------------------------------

const schemas = new Map<Api, GraphQLSchema>();
const fragmentRules = specifiedRules.filter((rule) => rule !== NoUnusedFragmentsRule);

function check(files: SourceFile[]): Checked {
  const problems: Problems = { source: [], invalid: [], naming: [] };
  const found = findDocuments(files, problems);

  const fragments = new Map<Api, Map<string, { file: string; fragment: FragmentDefinitionNode }>>(
    APIS.map((api) => [api, new Map()]),
  );
  const operations: Checked["operations"] = [];
  const operationNames = new Map<string, string>();
  for (const { file, api, document } of found) {
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) {
        const name = definition.name.value;
        const seen = fragments.get(api)!.get(name);
        if (seen) problems.source.push(`${file}: fragment ${name} is also defined in ${seen.file}`);
        else fragments.get(api)!.set(name, { file, fragment: definition });
      } else if (definition.kind === Kind.OPERATION_DEFINITION) {
        operations.push({ file, api, operation: definition });
        const name = definition.name?.value;
        if (!name) {
          problems.naming.push(`${file}: an operation without a name`);
        } else {
          if (!name.startsWith("CareDesk")) problems.naming.push(`${file}: ${name} does not start with CareDesk`);
          const seen = operationNames.get(name);
          if (seen) problems.source.push(`${file}: operation ${name} is also defined in ${seen}`);
          operationNames.set(name, file);
        }
      } else {
        problems.source.push(`${file}: ${definition.kind} does not belong in an operation document`);
      }
    }
  }

  /** The definition with every fragment it uses, as it is sent to Shopify. */
  const withFragments = (api: Api, definition: OperationDefinitionNode | FragmentDefinitionNode): DocumentNode => {
    const used = new Map<string, FragmentDefinitionNode>();
    const collect = (node: OperationDefinitionNode | FragmentDefinitionNode) =>
      visit(node, {
        FragmentSpread(spread) {
          const found = fragments.get(api)!.get(spread.name.value)?.fragment;
          if (found && found !== definition && !used.has(spread.name.value)) {
            used.set(spread.name.value, found);
            collect(found);
          }
        },
      });
    collect(definition);
    return { kind: Kind.DOCUMENT, definitions: [definition, ...used.values()] };
  };

  for (const { file, api, operation } of operations) {
    for (const error of validate(schemas.get(api)!, withFragments(api, operation))) {
      problems.invalid.push(`${file} ${operation.name?.value ?? "(anonymous)"} [${api}]: ${error.message}`);
    }
  }
  // Fragments on their own too, so that one no operation uses yet is still checked.
  for (const api of APIS) {
    for (const [name, { file, fragment }] of fragments.get(api)!) {
      for (const error of validate(schemas.get(api)!, withFragments(api, fragment), fragmentRules)) {
        const message = `${file} ${name} [${api}]: ${error.message}`;
        if (!problems.invalid.some((m) => m.endsWith(error.message))) problems.invalid.push(message);
      }
    }
  }
  return { ...problems, operations };
}

beforeAll(() => {
  ensureSchemas({ quiet: true });
  for (const api of APIS) {
    const file = path.join(root, "app/types", `${api}-${API_VERSION}.schema.json`);
    const json = JSON.parse(readFileSync(file, "utf8")) as { data: IntrospectionQuery };
    schemas.set(api, buildClientSchema(json.data));
  }
});

// --- The contract ---------------------------------------------------------------------------

describe(`GraphQL contract with Shopify's published ${API_VERSION} schemas`, () => {
  it("finds the app's operations", () => {
    const names = check(realSources()).operations.map(({ operation }) => operation.name?.value);
    expect(names).toEqual(
      expect.arrayContaining(["CareDeskShopProfile", "CareDeskOrderLookup", "CareDeskOrderLookupById"]),
    );
  });

  it("every document is tagged, parses and has a unique name", () => {
    expect(check(realSources()).source).toEqual([]);
  });

  it("every operation and fragment is valid against the schema of the API it targets", () => {
    expect(check(realSources()).invalid).toEqual([]);
  });

  it("every operation is named CareDesk…", () => {
    expect(check(realSources()).naming).toEqual([]);
  });
});

describe("the contract fails when a document is wrong", () => {
  const QUERIES = "app/features/order-lookup/model.server.ts";
  const PROFILE = "app/shop/profile.server.ts";

  /** The real sources, with one real file edited. */
  function checkEdited(file: string, edit: (code: string) => string, extra: SourceFile[] = []): Checked {
    const sources = realSources();
    const target = sources.find((s) => s.path === file)!;
    const edited = edit(target.code);
    expect(edited, "the edit changes the file").not.toBe(target.code);
    return check([...sources.filter((s) => s !== target), { path: file, code: edited }, ...extra]);
  }

  it("an unknown field (in a fragment the operations use)", () => {
    const { invalid } = checkEdited(QUERIES, (code) => code.replace("cancelledAt", "cancelledAt\n    shoeSize"));
    expect(invalid).toContain(`${QUERIES} CareDeskOrderLookup [admin]: Cannot query field "shoeSize" on type "Order".`);
    expect(invalid).toContain(
      `${QUERIES} CareDeskOrderLookupById [admin]: Cannot query field "shoeSize" on type "Order".`,
    );
  });

  it("an unknown argument", () => {
    const { invalid } = checkEdited(QUERIES, (code) =>
      code.replace("orders(first: 1,", "orders(first: 1, color: RED,"),
    );
    expect(invalid).toEqual([
      `${QUERIES} CareDeskOrderLookup [admin]: Unknown argument "color" on field "QueryRoot.orders".`,
    ]);
  });

  it("a missing required argument", () => {
    const { invalid } = checkEdited(QUERIES, (code) => code.replace("order(id: $id)", "order"));
    expect(invalid.join("\n")).toMatch(/CareDeskOrderLookupById \[admin\]: Field "order" argument "id" of type "ID!"/);
  });

  it("a variable of the wrong type", () => {
    const { invalid } = checkEdited(QUERIES, (code) => code.replace("$query: String!", "$query: Int!"));
    expect(invalid).toEqual([
      `${QUERIES} CareDeskOrderLookup [admin]: Variable "$query" of type "Int!" used in position expecting type "String".`,
    ]);
  });

  it("a literal of the wrong type", () => {
    const { invalid } = checkEdited(QUERIES, (code) => code.replace("lineItems(first: 20)", 'lineItems(first: "20")'));
    expect(invalid.join("\n")).toMatch(/CareDeskOrderLookup \[admin\]: Int cannot represent non-integer value: "20"/);
  });

  it("a selection on a leaf field, and a leaf without its selection", () => {
    const { invalid } = checkEdited(PROFILE, (code) =>
      code
        .replace("      name\n      myshopifyDomain", "      name { value }\n      contactEmail")
        .replace("billingAddress { countryCodeV2 }", "billingAddress"),
    );
    expect(invalid.join("\n")).toMatch(/CareDeskShopProfile \[admin\]: Field "name" must not have a selection/);
    expect(invalid.join("\n")).toMatch(/CareDeskShopProfile \[admin\]: Field "billingAddress" of type "ShopAddress!"/);
  });

  it("a fragment no operation uses", () => {
    const { invalid } = checkEdited(
      QUERIES,
      (code) => `${code}\nexport const UNUSED = \`${"#graphql"}\n  fragment CareDeskUnused on Shop { shoeSize }\n\`;\n`,
    );
    expect(invalid).toEqual([`${QUERIES} CareDeskUnused [admin]: Cannot query field "shoeSize" on type "Shop".`]);
  });

  it("a syntax error", () => {
    const { source } = checkEdited(QUERIES, (code) =>
      code.replace("query CareDeskOrderLookup(", "query CareDeskOrderLookup{("),
    );
    expect(source.join("\n")).toMatch(new RegExp(`^${QUERIES}: Syntax Error`, "m"));
  });

  it("an operation without a name, or not named CareDesk…", () => {
    const { naming } = checkEdited(QUERIES, (code) =>
      code
        .replace("query CareDeskRecentOrdersByEmail(", "query (")
        .replace("query CareDeskOrderLookupById(", "query OrderById("),
    );
    expect(naming).toEqual([
      `${QUERIES}: OrderById does not start with CareDesk`,
      `${QUERIES}: an operation without a name`,
    ]);
  });

  it("two operations with the same name", () => {
    const { source } = checkEdited(PROFILE, (code) =>
      code.replace("query CareDeskShopProfile {", "query CareDeskOrderLookup {"),
    );
    expect(source.join("\n")).toMatch(/operation CareDeskOrderLookup is also defined in/);
  });

  it("a document codegen cannot see (no #graphql tag)", () => {
    const { source } = checkEdited(PROFILE, (code) =>
      code.replace("`#graphql\n  query CareDeskShopProfile", "`\n  query CareDeskShopProfile"),
    );
    expect(source).toEqual([
      `${PROFILE}: a GraphQL document without a #graphql tag (codegen cannot see it): \`\n  query CareDeskShopProfile {`,
    ]);
  });
});

describe("which API a document targets", () => {
  // Valid in the Customer Account API; in the Admin API `customer` needs an id and
  // Customer has no emailAddress.
  const body = "query CareDeskAccountProfile { customer { id emailAddress { emailAddress } } }";
  const literal = (tag: string) => `export const PROFILE = \`${tag}\n  ${body}\n\`;\n`;
  const only = (files: SourceFile[]) => {
    const { source, invalid, naming, operations } = check(files);
    return { source, invalid, naming, apis: operations.map((o) => o.api) };
  };

  it("extensions/*account*/ documents are checked against the Customer Account API", () => {
    expect(only([{ path: "extensions/care-desk-account/src/Profile.tsx", code: literal("#graphql") }])).toEqual({
      source: [],
      invalid: [],
      naming: [],
      apis: ["customer"],
    });
  });

  it("the same document in app/ is checked against the Admin API, and fails", () => {
    const { invalid, apis } = only([{ path: "app/models/profile.server.ts", code: literal("#graphql") }]);
    expect(apis).toEqual(["admin"]);
    expect(invalid.join("\n")).toMatch(/Cannot query field "emailAddress" on type "Customer"/);
  });

  it("a #graphql:customer marker, in code or in a .graphql file, wins over the location", () => {
    const { invalid, apis } = only([
      { path: "app/models/profile.server.ts", code: literal("#graphql:customer") },
      { path: "app/models/account.graphql", code: `#graphql:customer\n${body.replace("Profile", "Account")}\n` },
      {
        path: "extensions/care-desk-account/src/Shop.ts",
        code: literal("#graphql:admin").replace(body, "query CareDeskShopName { shop { name } }"),
      },
    ]);
    expect(apis).toEqual(["customer", "customer", "admin"]);
    expect(invalid).toEqual([]);
  });

  it("a .graphql file under extensions/*account*/ without a marker is a Customer Account document", () => {
    const { invalid, apis } = only([{ path: "extensions/care-desk-account/src/profile.graphql", code: body }]);
    expect(apis).toEqual(["customer"]);
    expect(invalid).toEqual([]);
  });

  it("an unknown marker is a failure", () => {
    expect(only([{ path: "app/x.ts", code: literal("#graphql:partners") }]).source).toEqual([
      'app/x.ts: unknown API "partners" in #graphql:partners',
    ]);
  });
});

describe("generated operation types", () => {
  it("the committed app/types/admin.*.d.ts are what codegen generates from the documents today", () => {
    const out = mkdtempSync(path.join(tmpdir(), "care-desk-codegen-"));
    try {
      // The schema file sits next to the output (the preset's convention); no network.
      symlinkSync(
        path.join(root, `app/types/admin-${API_VERSION}.schema.json`),
        path.join(out, `admin-${API_VERSION}.schema.json`),
      );
      execFileSync(path.join(root, "node_modules/.bin/graphql-codegen"), [], {
        cwd: root,
        env: { ...process.env, CARE_DESK_CODEGEN_OUT: out },
        stdio: "pipe",
      });
      for (const file of ["admin.generated.d.ts", "admin.types.d.ts"]) {
        expect(
          readFileSync(path.join(out, file), "utf8"),
          `app/types/${file} is stale: run npm run graphql-codegen and commit the result`,
        ).toBe(readFileSync(path.join(root, "app/types", file), "utf8"));
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});
