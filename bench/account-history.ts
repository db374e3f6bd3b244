// Order and invoice history's budgets, run by `npm run bench` (bench/run.ts) against its built
// app and dev store:
// - each customer account extension's bundle from `shopify app build`, gzip, against Shopify's
//   limits (64 KB; 128 KB for the full-page "Orders & invoices");
// - the legacy "Order history" block: 0 bytes of JavaScript and 0 requests to the app to render
//   the signed-in customer's /account page;
// - a document download (/account/documents/download: link check, ownership through the Admin
//   API, PDF render): app server time p95 ≤ 50 ms, excluding the Admin API round trip.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { parse } from "smol-toml";
import { BROWSER_USER_AGENT } from "../devstore/app-process";
import { PROJECT_ROOT } from "../devstore/config";
import { customerAccountSessionToken } from "../devstore/customer-accounts/tokens";
import type { RunningDevStore } from "../devstore/server";
import { percentile } from "./stats";

type Budget = { name: string; value: number; limit: number; unit: string };

/** Bundles as `shopify app build` writes them, against Shopify's limits. */
export function accountExtensionBudgets(): Budget[] {
  execFileSync(
    path.join(PROJECT_ROOT, "node_modules/.bin/shopify"),
    ["app", "build", "--skip-dependencies-installation"],
    {
      cwd: PROJECT_ROOT,
      stdio: "ignore",
      env: { ...process.env, SHOPIFY_CLI_NO_ANALYTICS: "1" },
    },
  );
  const root = path.join(PROJECT_ROOT, "extensions");
  return readdirSync(root).flatMap((name) => {
    let toml: { extensions?: { handle: string; targeting?: { target: string }[] }[] };
    try {
      toml = parse(readFileSync(path.join(root, name, "shopify.extension.toml"), "utf8")) as typeof toml;
    } catch {
      return [];
    }
    const extension = toml.extensions?.[0];
    const targets = extension?.targeting?.map((t) => t.target) ?? [];
    if (!extension || !targets.some((t) => t.startsWith("customer-account."))) return [];
    const bundle = readFileSync(path.join(root, name, "dist", `${extension.handle}.js`));
    const fullPage = targets.some((t) => t.endsWith(".page.render"));
    return [
      {
        name: `${extension.handle} bundle (gzip, ${(bundle.length / 1024).toFixed(1)} KB raw)`,
        value: Number((gzipSync(bundle).length / 1024).toFixed(1)),
        limit: fullPage ? 128 : 64,
        unit: "KB",
      },
    ];
  });
}

export async function accountHistoryBudgets({
  appUrl,
  devStore,
  apiKey,
  apiSecret,
  adminApiTimes,
  requests,
}: {
  appUrl: string;
  devStore: RunningDevStore;
  apiKey: string;
  apiSecret: string;
  adminApiTimes: number[];
  requests: number;
}): Promise<Budget[]> {
  const budgets: Budget[] = [];
  const shopStore = devStore.store.defaultShop;
  const recent = (o: { createdAt: string }) => Date.parse(o.createdAt) > Date.now() - 55 * 86_400_000;
  const customer = shopStore.data.customers.find(
    (c) =>
      c.hasAccount &&
      c.email &&
      shopStore.data.orders.some((o) => o.customerId === c.id && o.displayFinancialStatus === "PAID" && recent(o)),
  )!;
  const order = shopStore.data.orders.find(
    (o) => o.customerId === customer.id && o.displayFinancialStatus === "PAID" && recent(o),
  )!;

  // Legacy block: the signed-in customer's /account page, counting requests that reach the app.
  const login = await fetch(`${devStore.origin}/account/login`, {
    method: "POST",
    body: new URLSearchParams({ email: customer.email! }),
    redirect: "manual",
  });
  const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
  const nativeFetch = globalThis.fetch;
  let appRequests = 0;
  globalThis.fetch = (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (url.startsWith(appUrl)) appRequests++;
    return nativeFetch(input, init);
  };
  let html: string;
  try {
    html = await (await nativeFetch(`${devStore.origin}/account`, { headers: { Cookie: cookie } })).text();
  } finally {
    globalThis.fetch = nativeFetch;
  }
  const block = /<div class="care-desk care-order-history"[\s\S]*?<\/ul>\s*<\/div>/.exec(html)?.[0] ?? "";
  if (!block.includes(order.name)) throw new Error("the Order history block did not list the customer's order");
  const source = readFileSync(
    path.join(PROJECT_ROOT, "extensions/care-desk-theme/blocks/order-history.liquid"),
    "utf8",
  );
  const scripts = [...block.matchAll(/<script\b[\s\S]*?<\/script>/g)].reduce((n, m) => n + m[0].length, 0);
  const schemaJs = /"javascript"\s*:/.test(source) ? 1 : 0;
  budgets.push({ name: "Order history block JavaScript", value: scripts + schemaJs, limit: 0, unit: "B" });
  budgets.push({ name: "app requests to render the Order history block", value: appRequests, limit: 0, unit: "" });

  // Document downloads: the order's invoice issued first (orders/paid → job).
  await devStore.deliverWebhook("orders/paid", { admin_graphql_api_id: order.id });
  const token = () =>
    customerAccountSessionToken({ shop: shopStore.shop.myshopifyDomain, apiKey, apiSecret, customerId: customer.id });
  const api = async (pathname: string, body: unknown) => {
    const response = await fetch(`${appUrl}${pathname}`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Authorization: `Bearer ${await token()}`,
        "User-Agent": BROWSER_USER_AGENT,
      },
      body: JSON.stringify(body),
    });
    return (await response.json()) as Record<string, unknown>;
  };
  let key: string | undefined;
  for (let attempt = 0; attempt < 100 && !key; attempt++) {
    const listed = (await api("/api/account/documents", { orderIds: [order.id] })).orders as
      Record<string, { key: string; kind: string }[]> | undefined;
    key = listed?.[order.id]?.find((d) => d.kind === "invoice")?.key;
    if (!key) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  if (!key) throw new Error("the invoice was not issued");

  const times: number[] = [];
  const count = Math.min(requests, 100); // the extension API allows 120 calls per customer in 10 minutes
  for (let i = 0; i < count + 10; i++) {
    const { url } = (await api("/api/account/documents/link", { orderId: order.id, document: key })) as { url: string };
    adminApiTimes.length = 0;
    const started = performance.now();
    const response = await fetch(url.replace(/^https?:\/\/[^/]+/, appUrl), {
      headers: { "User-Agent": BROWSER_USER_AGENT },
    });
    const body = Buffer.from(await response.arrayBuffer());
    const total = performance.now() - started;
    if (response.status !== 200 || body.subarray(0, 5).toString() !== "%PDF-")
      throw new Error(`download answered ${response.status}`);
    if (i >= 10) times.push(total - adminApiTimes.reduce((a, b) => a + b, 0)); // after warm-up
  }
  times.sort((a, b) => a - b);
  budgets.push({
    name: `document download server time incl. PDF render, p95 (excl. Admin API; p50 ${percentile(times, 50).toFixed(1)} ms)`,
    value: Number(percentile(times, 95).toFixed(1)),
    limit: 50,
    unit: "ms",
  });
  return budgets;
}
