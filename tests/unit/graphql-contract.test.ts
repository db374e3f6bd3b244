// The schema contract: every GraphQL document in app/ and extensions/ is valid against
// Shopify's published 2026-10 schema of the API it targets, every operation is named
// CareDesk…, and the committed operation types are what codegen produces today.
//
// Targets: documents under extensions/*account*/ use the Customer Account API; the rest
// the Admin API. Documents are found as codegen finds them (#graphql template literals,
// via Shopify's own pluck config), fragments resolved across files.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gqlPluckFromCodeStringSync } from "@graphql-tools/graphql-tag-pluck";
import { pluckConfig } from "@shopify/graphql-codegen";
import {
  buildClientSchema,
  Kind,
  parse,
  validate,
  visit,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type IntrospectionQuery,
  type OperationDefinitionNode,
} from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureSchemas } from "../../scripts/shopify-schemas.mjs";

const root = path.resolve(__dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (["node_modules", "generated", "types", "dist"].includes(name)) return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|js|jsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

type Api = "admin" | "customer";
interface Found {
  file: string;
  api: Api;
  document: DocumentNode;
}

function findDocuments(): Found[] {
  const files = [...sourceFiles(path.join(root, "app")), ...sourceFiles(path.join(root, "extensions"))];
  return files.flatMap((file) => {
    const api: Api = /extensions\/[^/]*account[^/]*\//.test(file) ? "customer" : "admin";
    return gqlPluckFromCodeStringSync(file, readFileSync(file, "utf8"), pluckConfig).map((source) => ({
      file: path.relative(root, file),
      api,
      document: parse(source.body),
    }));
  });
}

const schemas = new Map<Api, GraphQLSchema>();
let found: Found[] = [];
const fragments = new Map<string, FragmentDefinitionNode>();

beforeAll(() => {
  ensureSchemas({ quiet: true });
  for (const api of ["admin", "customer"] as const) {
    const json = JSON.parse(readFileSync(path.join(root, "app/types", `${api}-2026-10.schema.json`), "utf8")) as {
      data: IntrospectionQuery;
    };
    schemas.set(api, buildClientSchema(json.data));
  }
  found = findDocuments();
  for (const { document } of found) {
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
  }
});

/** The operation with every fragment it uses, as it is sent to Shopify. */
function withFragments(operation: OperationDefinitionNode): DocumentNode {
  const used = new Map<string, FragmentDefinitionNode>();
  const collect = (node: OperationDefinitionNode | FragmentDefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const fragment = fragments.get(spread.name.value);
        if (fragment && !used.has(fragment.name.value)) {
          used.set(fragment.name.value, fragment);
          collect(fragment);
        }
      },
    });
  collect(operation);
  return { kind: Kind.DOCUMENT, definitions: [operation, ...used.values()] };
}

function operations(): { file: string; api: Api; operation: OperationDefinitionNode }[] {
  return found.flatMap(({ file, api, document }) =>
    document.definitions
      .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
      .map((operation) => ({ file, api, operation })),
  );
}

function errorsOf(api: Api, document: DocumentNode): string[] {
  return validate(schemas.get(api)!, document).map((e) => e.message);
}

describe("GraphQL contract with Shopify's published 2026-10 schemas", () => {
  it("finds the app's operations", () => {
    const names = operations().map((o) => o.operation.name?.value);
    expect(names).toContain("CareDeskShopOverview");
    expect(names).toContain("CareDeskOrderLookup");
  });

  it("every operation is valid against the schema of the API it targets", () => {
    const failures = operations().flatMap(({ file, api, operation }) =>
      errorsOf(api, withFragments(operation)).map((message) => `${file} ${operation.name?.value}: ${message}`),
    );
    expect(failures).toEqual([]);
  });

  it("every operation is named CareDesk…", () => {
    const unnamed = operations().filter(({ operation }) => !operation.name?.value.startsWith("CareDesk"));
    expect(unnamed.map(({ file }) => file)).toEqual([]);
  });

  describe("fails when a document is wrong", () => {
    const lookup = () => operations().find((o) => o.operation.name?.value === "CareDeskOrderLookup")!;
    const mutate = (edit: (source: string) => string) => {
      const { api, operation } = lookup();
      const source = edit(
        withFragments(operation)
          .definitions.map((d) => (d.loc ? d.loc.source.body.slice(d.loc.start, d.loc.end) : ""))
          .join("\n"),
      );
      return errorsOf(api, parse(source));
    };

    it("an unknown field", () => {
      expect(mutate((s) => s.replace("cancelledAt", "cancelledAt\n    shoeSize"))).toEqual([
        'Cannot query field "shoeSize" on type "Order".',
      ]);
    });

    it("a wrong argument", () => {
      expect(mutate((s) => s.replace("orders(first: 1,", "orders(first: 1, color: RED,")).join()).toMatch(
        /Unknown argument "color"/,
      );
    });

    it("a type mismatch", () => {
      expect(mutate((s) => s.replace("$query: String!", "$query: Int!")).join()).toMatch(
        /Variable "\$query" of type "Int!" used in position expecting type "String"/,
      );
    });
  });

  it("the committed operation types are what codegen generates from the documents", () => {
    const out = mkdtempSync(path.join(tmpdir(), "care-desk-codegen-"));
    try {
      symlinkSync(path.join(root, "app/types/admin-2026-10.schema.json"), path.join(out, "admin-2026-10.schema.json"));
      execFileSync(path.join(root, "node_modules/.bin/graphql-codegen"), [], {
        cwd: root,
        env: { ...process.env, CARE_DESK_CODEGEN_OUT: out },
        stdio: "pipe",
      });
      for (const file of ["admin.generated.d.ts", "admin.types.d.ts"]) {
        expect(
          readFileSync(path.join(out, file), "utf8"),
          `app/types/${file} is stale: run npm run graphql-codegen`,
        ).toBe(readFileSync(path.join(root, "app/types", file), "utf8"));
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});
