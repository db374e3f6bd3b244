// One API version everywhere: the app, its deployed configuration, codegen and the schemas.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "smol-toml";
import { expect, it } from "vitest";
import { API_VERSION } from "~/api-version";
import { API_VERSION as SCHEMA_VERSION } from "../../scripts/shopify-schemas.mjs";

it("shopify.app.toml, the app, codegen and the schema files use the same API version", () => {
  const toml = parse(readFileSync(path.resolve(__dirname, "../../shopify.app.toml"), "utf8")) as {
    webhooks: { api_version: string };
  };
  expect(API_VERSION).toBe("2026-10");
  expect(toml.webhooks.api_version).toBe(API_VERSION);
  expect(SCHEMA_VERSION).toBe(API_VERSION);
  expect(readFileSync(path.resolve(__dirname, "../../.graphqlrc.ts"), "utf8")).toContain("apiVersion: API_VERSION");
});
