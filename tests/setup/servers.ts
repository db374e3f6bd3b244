// Global setup of the integration and browser tests: the built app (as it runs in
// production, NODE_ENV=test) against a fresh local dev store, over real HTTP.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { installApp, startApp, waitForHttp } from "../../devstore/app-process";
import { startDevStore } from "../../devstore/server";
import { migrate } from "./db";

declare module "vitest" {
  export interface ProvidedContext {
    appUrl: string;
    devstoreOrigin: string;
    shop: string;
    apiKey: string;
    apiSecret: string;
  }
}

const root = path.resolve(__dirname, "../..");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export default async function setup(project: TestProject) {
  execFileSync(process.execPath, [path.join(root, "node_modules/@remix-run/dev/dist/cli.js"), "vite:build"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const dir = mkdtempSync(path.join(tmpdir(), "care-desk-it-"));
  const databaseUrl = `file:${path.join(dir, "app.sqlite")}`;
  migrate(databaseUrl);

  const apiKey = "care-desk-it-key";
  const apiSecret = "care-desk-it-secret";
  const appPort = await freePort();
  const appUrl = `http://localhost:${appPort}`;
  const devStore = await startDevStore({ appUrl, apiKey, apiSecret, dataDir: path.join(dir, "devstore") });
  const app = startApp({
    mode: "serve",
    port: appPort,
    appUrl,
    apiKey,
    apiSecret,
    platformOrigin: devStore.origin,
    smtpUrl: devStore.smtpUrl,
    databaseUrl,
    quiet: true,
    // Integration tests act as many shoppers from one machine: a small per-order limit is
    // tested directly, the per-IP one with distinct client addresses.
    env: { LOOKUP_LIMIT_PER_IP: "12/600", LOOKUP_LIMIT_PER_ORDER: "6/900" },
  });
  await waitForHttp(`${appUrl}/`);
  await installApp({ appUrl, shop: devStore.shop, apiKey, apiSecret });

  project.provide("appUrl", appUrl);
  project.provide("devstoreOrigin", devStore.origin);
  project.provide("shop", devStore.shop);
  project.provide("apiKey", apiKey);
  project.provide("apiSecret", apiSecret);

  return async () => {
    app.kill("SIGTERM");
    await devStore.close();
    rmSync(dir, { recursive: true, force: true });
  };
}
