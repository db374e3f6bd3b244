// Starting Care Desk against the dev store: the environment the app gets (exactly what a
// merchant's host would set, plus the platform origin), its process, and the first load
// that installs it (token exchange), as Shopify's admin does after an install.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import path from "node:path";
import { sessionToken } from "./auth/tokens";
import { PROJECT_ROOT } from "./config";
import { INBOUND_DOMAIN, MAILGUN_SIGNING_KEY } from "./mail/inbound";
import { startDevStore, type DevStoreOptions, type RunningDevStore } from "./server";

export const BROWSER_USER_AGENT =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36";

export interface AppProcessOptions {
  mode: "dev" | "serve";
  port: number;
  appUrl: string;
  apiKey: string;
  apiSecret: string;
  platformOrigin: string;
  smtpUrl: string;
  databaseUrl?: string;
  env?: Record<string, string>;
  quiet?: boolean;
}

export function appEnv(options: AppProcessOptions): Record<string, string> {
  return {
    SHOPIFY_API_KEY: options.apiKey,
    SHOPIFY_API_SECRET: options.apiSecret,
    SHOPIFY_APP_URL: options.appUrl,
    SHOPIFY_PLATFORM_ORIGIN: options.platformOrigin,
    SMTP_URL: options.smtpUrl,
    MAIL_FROM: "care-desk@localhost",
    // The dev store stands in for Mailgun's inbound routes (devstore/mail/inbound.ts).
    INBOUND_EMAIL_DOMAIN: INBOUND_DOMAIN,
    MAILGUN_WEBHOOK_SIGNING_KEY: MAILGUN_SIGNING_KEY,
    PORT: String(options.port),
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    ...options.env,
  };
}

export function startApp(options: AppProcessOptions): ChildProcess {
  const args =
    options.mode === "dev"
      ? [
          path.join(PROJECT_ROOT, "node_modules/@remix-run/dev/dist/cli.js"),
          "vite:dev",
          "--port",
          String(options.port),
          "--strictPort",
        ]
      : [
          path.join(PROJECT_ROOT, "node_modules/@remix-run/serve/dist/cli.js"),
          path.join(PROJECT_ROOT, "build/server/index.js"),
        ];
  const child = spawn(process.execPath, args, {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NODE_ENV: options.mode === "dev" ? "development" : "test", ...appEnv(options) },
    stdio: options.quiet ? ["ignore", "pipe", "pipe"] : ["ignore", "inherit", "inherit"],
  });
  if (options.quiet) {
    let log = "";
    const keep = (chunk: Buffer) => (log = (log + chunk.toString()).slice(-20_000));
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    child.on("exit", (code) => {
      if (code && code !== 0) process.stderr.write(`[care-desk app exited with ${code}]\n${log}\n`);
    });
  }
  return child;
}

export async function waitForHttp(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { redirect: "manual" });
      await response.arrayBuffer();
      if (response.status < 500) return;
      lastError = new Error(`HTTP ${response.status}`);
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms: ${String(lastError)}`);
}

/** Shopify opens the app in the admin after installing it: that first load exchanges the token. */
export async function installApp({
  appUrl,
  shop,
  apiKey,
  apiSecret,
}: {
  appUrl: string;
  shop: string;
  apiKey: string;
  apiSecret: string;
}): Promise<void> {
  // The first load runs several loaders at once, each exchanging a token; a new expiring
  // token revokes the earlier one, so a loader may find its token revoked and answer with the
  // library's re-authentication redirect. A browser follows it and loads the app again; so
  // does this, a few times at most.
  let last = "";
  for (let attempt = 0; attempt < 4; attempt++) {
    const params = new URLSearchParams({
      embedded: "1",
      shop,
      host: Buffer.from(`admin.shopify.com/store/${shop.split(".")[0]}`).toString("base64url"),
      id_token: await sessionToken({ shop, apiKey, apiSecret }),
    });
    // The library turns away bots (isbot); this load stands for the merchant's browser.
    const response = await fetch(`${appUrl}/app?${params}`, {
      redirect: "manual",
      headers: { "User-Agent": BROWSER_USER_AGENT },
    });
    const body = await response.text();
    if (response.status === 200) return;
    last = `HTTP ${response.status} ${response.headers.get("location") ?? ""} ${body.slice(0, 300)}`;
  }
  throw new Error(`Installing the app failed: ${last}`);
}

export interface Stack {
  appUrl: string;
  /** The app's process id (benchmarks read its CPU time). */
  appPid: number | undefined;
  devStore: RunningDevStore;
  apiKey: string;
  apiSecret: string;
  stop(): Promise<void>;
}

/**
 * The built app (remix-serve, NODE_ENV=test) against a fresh dev store, installed: what
 * the integration and browser tests and the benchmarks run against. The caller builds the
 * app and migrates `databaseUrl` first.
 */
export async function startBuiltStack({
  databaseUrl,
  devStore: devStoreOptions = {},
  appEnv: env,
  quiet = true,
}: {
  databaseUrl: string;
  devStore?: Omit<DevStoreOptions, "appUrl" | "apiKey" | "apiSecret">;
  appEnv?: Record<string, string>;
  quiet?: boolean;
}): Promise<Stack> {
  // The port is free when chosen but released before the app binds it; on a machine where
  // other stacks start at the same time another process can take it first (the install then
  // reaches someone else's app). Such a start is retried on a new port.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startBuiltStackOnce({ databaseUrl, devStore: devStoreOptions, appEnv: env, quiet });
    } catch (error) {
      if (attempt >= 3) throw error;
      console.warn(`Starting the app failed (attempt ${attempt}), retrying on another port:`, error);
    }
  }
}

async function startBuiltStackOnce({
  databaseUrl,
  devStore: devStoreOptions = {},
  appEnv: env,
  quiet = true,
}: {
  databaseUrl: string;
  devStore?: Omit<DevStoreOptions, "appUrl" | "apiKey" | "apiSecret">;
  appEnv?: Record<string, string>;
  quiet?: boolean;
}): Promise<Stack> {
  const apiKey = `care-desk-${randomBytes(4).toString("hex")}`;
  const apiSecret = randomBytes(16).toString("hex");
  const port = await freePort();
  const appUrl = `http://localhost:${port}`;
  const devStore = await startDevStore({ ...devStoreOptions, appUrl, apiKey, apiSecret });
  const app = startApp({
    mode: "serve",
    port,
    appUrl,
    apiKey,
    apiSecret,
    platformOrigin: devStore.origin,
    smtpUrl: devStore.smtpUrl,
    databaseUrl,
    quiet,
    env,
  });
  const stop = async () => {
    app.kill("SIGTERM");
    await devStore.close();
  };
  try {
    await waitForHttp(`${appUrl}/`);
    await installApp({ appUrl, shop: devStore.shop, apiKey, apiSecret });
  } catch (error) {
    await stop();
    throw error;
  }
  return { appUrl, appPid: app.pid, devStore, apiKey, apiSecret, stop };
}

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
