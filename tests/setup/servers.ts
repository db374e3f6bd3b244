// Global setup of the integration and browser tests: the built app (as it runs in
// production, NODE_ENV=test) against a fresh local dev store, over real HTTP.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startBuiltStack } from "../../devstore/app-process";
import { migrate } from "./db";

declare module "vitest" {
  export interface ProvidedContext {
    appUrl: string;
    devstoreOrigin: string;
    shop: string;
    apiKey: string;
    apiSecret: string;
    /** The app's own database (SQLite), for tests that look at what the app stored. */
    appDatabaseUrl: string;
  }
}

const root = path.resolve(__dirname, "../..");

export default async function setup(project: TestProject) {
  execFileSync(process.execPath, [path.join(root, "node_modules/@remix-run/dev/dist/cli.js"), "vite:build"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
  // The customer account extensions' bundles, which the dev store's account pages load.
  execFileSync(path.join(root, "node_modules/.bin/shopify"), ["app", "build", "--skip-dependencies-installation"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, SHOPIFY_CLI_NO_ANALYTICS: "1" },
  });
  const dir = mkdtempSync(path.join(tmpdir(), "care-desk-it-"));
  const databaseUrl = `file:${path.join(dir, "app.sqlite")}`;
  migrate(databaseUrl);
  const stack = await startBuiltStack({
    databaseUrl,
    devStore: { dataDir: path.join(dir, "devstore") },
    // Integration tests act as many shoppers from one machine: a small per-order limit is
    // tested directly, the per-IP one with distinct client addresses.
    // Sessions are kept in memory for 2 s (30 s by default) so a test can let that time pass.
    appEnv: { LOOKUP_LIMIT_PER_IP: "12/600", LOOKUP_LIMIT_PER_ORDER: "6/900", SESSION_CACHE_SECONDS: "2" },
  });

  project.provide("appUrl", stack.appUrl);
  project.provide("devstoreOrigin", stack.devStore.origin);
  project.provide("shop", stack.devStore.shop);
  project.provide("apiKey", stack.apiKey);
  project.provide("apiSecret", stack.apiSecret);
  project.provide("appDatabaseUrl", databaseUrl);

  return async () => {
    await stack.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
