// One API version everywhere: the app, its deployed configuration, codegen and the schemas.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "smol-toml";
import { describe, expect, it } from "vitest";
import { API_VERSION } from "~/api-version";
import { ensureSchemas, API_VERSION as SCHEMA_VERSION } from "../../scripts/shopify-schemas.mjs";

const root = path.resolve(__dirname, "../..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");

describe(`API version ${API_VERSION}`, () => {
  it("is a Shopify release name", () => {
    expect(API_VERSION).toMatch(/^20\d\d-(01|04|07|10)$/);
  });

  it("shopify.app.toml subscribes to webhooks with it", () => {
    const toml = parse(read("shopify.app.toml")) as { webhooks?: { api_version?: string } };
    expect(toml.webhooks?.api_version).toBe(API_VERSION);
  });

  it("every extension that declares an API version uses it", () => {
    const dir = path.join(root, "extensions");
    const tomls = readdirSync(dir)
      .map((name) => `extensions/${name}/shopify.extension.toml`)
      .filter((file) => existsSync(path.join(root, file)));
    expect(tomls.length).toBeGreaterThan(0);
    for (const file of tomls) {
      const toml = parse(read(file)) as { api_version?: string; extensions?: { api_version?: string }[] };
      for (const version of [toml.api_version, ...(toml.extensions ?? []).map((e) => e.api_version)]) {
        if (version !== undefined) expect(version, file).toBe(API_VERSION);
      }
    }
  });

  it("the app's shopifyApp() is configured with it", () => {
    expect(read("app/shopify.server.ts")).toMatch(/^\s*apiVersion: API_VERSION,$/m);
  });

  it("codegen reads the published schema of that version", async () => {
    // The preset points at the local file only when it exists (else at Shopify's proxy URL).
    ensureSchemas({ quiet: true });
    const { default: graphqlConfig } = await import("../../.graphqlrc");
    const project = "projects" in graphqlConfig ? graphqlConfig.projects.default : undefined;
    expect(project && "schema" in project ? project.schema : undefined).toBe(
      `./app/types/admin-${API_VERSION}.schema.json`,
    );
    expect(read(".graphqlrc.ts")).toMatch(/^\s*apiVersion: API_VERSION,$/m);
  });

  it("the schema files are fetched for it", () => {
    expect(SCHEMA_VERSION).toBe(API_VERSION);
  });
});
