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

  it("every extension declares the API version its type needs", () => {
    const dir = path.join(root, "extensions");
    const tomls = readdirSync(dir)
      .map((name) => `extensions/${name}/shopify.extension.toml`)
      .filter((file) => existsSync(path.join(root, file)));
    expect(tomls.length).toBeGreaterThan(0);
    for (const file of tomls) expect(extensionVersionProblems(read(file)), file).toEqual([]);
  });

  it("the extension check fails on what it must catch", () => {
    expect(extensionVersionProblems('type = "theme"\napi_version = "2026-10"')).toEqual([
      "a theme app extension has no API version (Shopify ignores it): 2026-10",
    ]);
    expect(extensionVersionProblems('[[extensions]]\ntype = "ui_extension"')).toEqual(["ui_extension: no api_version"]);
    expect(extensionVersionProblems('api_version = "2026-13"\n[[extensions]]\ntype = "ui_extension"')).toEqual([
      "ui_extension: 2026-13 is not a Shopify release",
    ]);
    expect(extensionVersionProblems('api_version = "2026-07"\n[[extensions]]\ntype = "ui_extension"')).toEqual([]);
    expect(extensionVersionProblems('[[extensions]]\ntype = "admin_link"')).toEqual([]);
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

/**
 * Theme app extensions have no API version; every other extension (UI extensions, functions)
 * must declare a Shopify release, at the top or per extension. UI extensions may trail the
 * app's Admin API version: their packages ship later (see the README).
 */
function extensionVersionProblems(text: string): string[] {
  const toml = parse(text) as {
    type?: string;
    api_version?: string;
    extensions?: { type?: string; api_version?: string }[];
  };
  if (toml.type === "theme")
    return toml.api_version
      ? [`a theme app extension has no API version (Shopify ignores it): ${toml.api_version}`]
      : [];
  const problems: string[] = [];
  for (const extension of toml.extensions ?? [{ type: toml.type }]) {
    const version = extension.api_version ?? toml.api_version;
    const type = extension.type ?? "extension";
    // An admin link is configuration only (target + URL): it has no API version to declare.
    if (type === "admin_link") continue;
    if (!version) problems.push(`${type}: no api_version`);
    else if (!/^20\d\d-(01|04|07|10)$/.test(version)) problems.push(`${type}: ${version} is not a Shopify release`);
  }
  return problems;
}
