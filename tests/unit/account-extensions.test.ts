// The customer account UI extensions as Shopify receives them: built by `shopify app build`
// (offline here), each bundle under Shopify's limit (64 KB compressed; 128 KB for a full-page
// target), on API 2026-07, and calling the app at shopify.app.toml's application_url.
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { parse } from "smol-toml";
import { beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");
const extensions = readdirSync(path.join(root, "extensions")).filter((name) => {
  const toml = path.join(root, "extensions", name, "shopify.extension.toml");
  return existsSync(toml) && readFileSync(toml, "utf8").includes("customer-account.");
});

interface ExtensionToml {
  api_version: string;
  extensions: { handle: string; targeting: { target: string }[] }[];
}
const tomlOf = (name: string) =>
  parse(
    readFileSync(path.join(root, "extensions", name, "shopify.extension.toml"), "utf8"),
  ) as unknown as ExtensionToml;

/** Shopify's limit for the extension: 128 KB when it renders a full page, else 64 KB. */
function bundleLimit(targets: string[]): number {
  return targets.some((t) => t.endsWith(".page.render")) ? 128 * 1024 : 64 * 1024;
}

describe("customer account extensions", () => {
  beforeAll(() => {
    execFileSync(path.join(root, "node_modules/.bin/shopify"), ["app", "build", "--skip-dependencies-installation"], {
      cwd: root,
      stdio: "ignore",
      env: { ...process.env, SHOPIFY_CLI_NO_ANALYTICS: "1" },
    });
  }, 180_000);

  it("are the orders page and the order action", () => {
    expect(extensions.sort()).toEqual(["care-desk-account-order-action", "care-desk-account-orders"]);
  });

  it.each(extensions)("%s targets API 2026-07; a full-page target is alone in its extension", (name) => {
    const toml = tomlOf(name);
    expect(toml.api_version).toBe("2026-07");
    const targets = toml.extensions.flatMap((e) => e.targeting.map((t) => t.target));
    if (targets.some((t) => t.endsWith(".page.render"))) expect(targets).toHaveLength(1);
  });

  it.each(extensions)("%s's bundle from `shopify app build` is under Shopify's limit", (name) => {
    const toml = tomlOf(name);
    const handle = toml.extensions[0]!.handle;
    const bundle = readFileSync(path.join(root, "extensions", name, "dist", `${handle}.js`));
    const compressed = gzipSync(bundle).length;
    const targets = toml.extensions.flatMap((e) => e.targeting.map((t) => t.target));
    expect(compressed).toBeGreaterThan(1000);
    // JSX compiled for Preact (the extension's tsconfig.json): React elements would render nothing.
    expect(bundle.toString()).not.toMatch(/react\.(transitional\.)?element/);
    expect(compressed).toBeLessThanOrEqual(bundleLimit(targets));
  });

  it("call the app at shopify.app.toml's application_url", () => {
    const app = parse(readFileSync(path.join(root, "shopify.app.toml"), "utf8")) as { application_url: string };
    const config = readFileSync(path.join(root, "extensions/care-desk-account-shared/config.js"), "utf8");
    expect(config).toContain(`export const APP_URL = "${app.application_url}";`);
  });
});
