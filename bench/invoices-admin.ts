// The admin Invoices page's budgets, run by `npm run bench` (bench/run.ts) against its built
// app, or alone with `npx tsx bench/invoices-admin.ts` (its own stack, the default dev store):
// - the Invoices page with BENCH_INVOICES documents (default 100 000) in the shop: app server
//   time p95 ≤ 100 ms over the default view, searches (number, order, email, part of a name),
//   filters and a later page, excluding the Admin API round trip;
// - a ZIP of 1,000 invoices (10 lines each) streamed through the app: peak memory growth of
//   the app process ≤ 150 MB (peak RSS from /proc, reset before, against the RSS before).
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { pathToFileURL } from "node:url";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { snapshotFromOrder, type InvoiceOrder } from "../app/features/invoices/document";
import { PrismaClient } from "../app/generated/sqlite/client";
import { BROWSER_USER_AGENT, startBuiltStack } from "../devstore/app-process";
import { sessionToken } from "../devstore/auth/tokens";
import { PROJECT_ROOT } from "../devstore/config";
import { percentile } from "./stats";

type Budget = { name: string; value: number; limit: number; unit: string };
const INVOICES = Number(process.env.BENCH_INVOICES ?? 100_000);
const ZIP_INVOICES = 1000;
/** The ZIP's documents are the only ones issued on these days. */
const ZIP_FROM = "2025-06-02";
const ZIP_TO = "2025-06-11";

const money = (amount: string) => ({ presentmentMoney: { amount, currencyCode: "EUR" } });
const vat = (amount: string) => [{ title: "VAT", rate: 0.19, ratePercentage: 19, priceSet: money(amount) }];

/** A realistic 10-line invoice snapshot (the PDF the ZIP renders). */
function snapshot(i: number, number: string, issuedAt: Date, lines = 10): string {
  const order: InvoiceOrder = {
    id: `gid://shopify/Order/${900_000 + i}`,
    name: `#B${i}`,
    test: false,
    email: `buyer${i % 5000}@example.com`,
    customerLocale: "en",
    taxesIncluded: true,
    presentmentCurrencyCode: "EUR",
    processedAt: issuedAt.toISOString(),
    billingAddress: {
      name: `Buyer ${i % 5000}`,
      address1: "Linden 1",
      zip: "10115",
      city: "Berlin",
      country: "Germany",
    },
    taxLines: [{ title: "VAT", rate: 0.19, ratePercentage: 19, priceSet: money((lines * 1.9).toFixed(2)) }],
    totalShippingPriceSet: money("0.00"),
    totalTaxSet: money((lines * 1.9).toFixed(2)),
    totalPriceSet: money((lines * 11.9).toFixed(2)),
    totalDiscountsSet: money("0.00"),
    lineItems: {
      nodes: Array.from({ length: lines }, (_, l) => ({
        title: `Stoneware mug ${l + 1}`,
        variantTitle: "Blue",
        sku: `MUG-${l}`,
        quantity: 1,
        originalUnitPriceSet: money("11.90"),
        totalDiscountSet: money("0.00"),
        taxLines: vat("1.90"),
      })),
    },
    shippingLines: { nodes: [] },
    fulfillments: [],
  };
  const seller = { name: "Bench Shop GmbH", address: ["Hauptstr. 1", "10115 Berlin"], taxIds: ["DE123456789"] };
  return JSON.stringify(snapshotFromOrder(order, { number, issuedAt, timeZone: "UTC", seller }));
}

/** Fills the app's database with `count` documents of the shop, the ZIP's 1,000 among them. */
async function seedInvoices(databaseUrl: string, shop: string, count: number) {
  const prisma = new PrismaClient({ adapter: new PrismaLibSQL({ url: databaseUrl, intMode: "bigint" }) });
  // Noon to noon (UTC): inside the ZIP's days in any shop time zone.
  const zipStart = Date.parse(`${ZIP_FROM}T12:00:00Z`);
  const zipSpan = Date.parse(`${ZIP_TO}T12:00:00Z`) - zipStart;
  const small = snapshot(0, "INV-0", new Date(zipStart), 2);
  try {
    for (let done = 0; done < count; done += 5000) {
      const batch = Array.from({ length: Math.min(5000, count - done) }, (_, j) => {
        const i = done + j;
        const inZip = i < ZIP_INVOICES;
        // the others: spread over 2026 (never on the ZIP's days)
        const issuedAt = inZip
          ? new Date(zipStart + Math.floor((i * zipSpan) / ZIP_INVOICES))
          : new Date(Date.parse("2026-01-01T00:00:00Z") + (i % 300) * 86_400_000 + (i % 997) * 60_000);
        const credit = i % 20 === 19;
        const number = `${credit ? "CN" : "INV"}-B-${String(i).padStart(7, "0")}`;
        return {
          id: randomUUID(),
          shop,
          kind: credit && !inZip ? "credit_note" : "invoice",
          number,
          sourceKey: `bench:${i}`,
          orderId: `gid://shopify/Order/${900_000 + i}`,
          orderName: `#B${i}`,
          customerEmail: `buyer${i % 5000}@example.com`,
          customerName: `Buyer ${i % 5000} ${["Smith", "Müller", "Dubois", "García", "山田"][i % 5]}`,
          currency: "EUR",
          total: "119.00",
          test: i % 50 === 7,
          locale: "en",
          issuedAt,
          snapshot: inZip ? snapshot(i, number, issuedAt) : small,
        };
      });
      await prisma.invoice.createMany({ data: batch });
    }
    await prisma.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
  } finally {
    await prisma.$disconnect();
  }
}

/** Resident set size and its peak (kB → MB) of a process, from /proc. */
function memory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
}

export async function invoiceAdminBudgets({
  appUrl,
  appPid,
  shop,
  apiKey,
  apiSecret,
  databaseUrl,
  adminApiTimes,
  requests,
}: {
  appUrl: string;
  appPid: number | undefined;
  shop: string;
  apiKey: string;
  apiSecret: string;
  databaseUrl: string;
  /** Admin API times recorded by the dev store since the last reset (emptied by this function). */
  adminApiTimes: number[];
  requests: number;
}): Promise<Budget[]> {
  const budgets: Budget[] = [];
  const seedStart = performance.now();
  await seedInvoices(databaseUrl, shop, INVOICES);
  console.log(
    `Seeded ${INVOICES.toLocaleString()} invoices in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
  );

  const get = async (pathAndQuery: string) => {
    const token = await sessionToken({ shop, apiKey, apiSecret });
    return fetch(`${appUrl}${pathAndQuery}`, {
      headers: { Authorization: `Bearer ${token}`, "User-Agent": BROWSER_USER_AGENT },
    });
  };
  const page = async (query: string) => {
    const response = await get(`/app/invoices?${query}${query ? "&" : ""}_data=routes%2Fapp.invoices`);
    if (response.status !== 200) throw new Error(`Invoices page answered ${response.status}`);
    return response.json() as Promise<{ invoices: unknown[]; next: string | null }>;
  };

  // 1. The Invoices page: the default view, searches, filters, a later page — one at a time.
  const second = (await page("")).next;
  const queries = [
    "",
    "q=INV-B-0054321",
    "q=inv-b-00123",
    "q=INV-B-00",
    "q=%23B77777",
    "q=77777",
    "q=buyer1234%40example.com",
    "q=Dubois",
    "q=nobody-at-all",
    "kind=credit_note",
    "status=test",
    "from=2026-03-01&to=2026-03-31",
    "kind=invoice&status=live&from=2026-02-01&to=2026-02-28",
    `after=${second ?? ""}`,
  ];
  const times: number[] = [];
  for (let i = 0; i < Math.max(requests, queries.length * 10); i++) {
    adminApiTimes.length = 0;
    const started = performance.now();
    await page(queries[i % queries.length]!);
    const total = performance.now() - started;
    if (i >= queries.length) times.push(total - adminApiTimes.reduce((a, b) => a + b, 0)); // after warm-up
  }
  const inOrder = [...times];
  times.sort((a, b) => a - b);
  const perQuery = queries
    .map((q, k) => {
      const own = inOrder.filter((_, j) => j % queries.length === k).sort((a, b) => a - b);
      return { q: q || "(default view)", p50: percentile(own, 50), max: own[own.length - 1] ?? 0 };
    })
    .sort((a, b) => b.p50 - a.p50);
  console.log(
    `Invoices page: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms (${times.length} requests); per query p50/max, slowest first: ` +
      perQuery.map((r) => `${r.q} ${r.p50.toFixed(0)}/${r.max.toFixed(0)}`).join(", "),
  );
  budgets.push({
    name: `Invoices page, ${INVOICES.toLocaleString()} invoices, app server time p95 (excl. Admin API)`,
    value: Number(percentile(times, 95).toFixed(1)),
    limit: 100,
    unit: "ms",
  });

  // 2. A ZIP of 1,000 invoices, streamed to a file; the app's peak RSS growth while it streams.
  const first = (await page(`from=${ZIP_FROM}&to=${ZIP_TO}`)).invoices[0] as { id: string };
  await (await get(`/app/invoices/${first.id}/pdf`)).arrayBuffer(); // fonts loaded, code warm
  const dir = mkdtempSync(path.join(os.tmpdir(), "care-desk-zip-"));
  try {
    if (appPid) writeFileSync(`/proc/${appPid}/clear_refs`, "5"); // reset the peak RSS (VmHWM)
    const before = appPid ? memory(appPid) : { rss: 0, peak: 0 };
    let sampled = before.rss;
    const sampler = setInterval(() => {
      if (appPid) sampled = Math.max(sampled, memory(appPid).rss);
    }, 25);
    const started = performance.now();
    const response = await get(`/app/invoices/zip?from=${ZIP_FROM}&to=${ZIP_TO}`);
    if (response.status !== 200 || !response.body) throw new Error(`ZIP answered ${response.status}`);
    const file = path.join(dir, "invoices.zip");
    await pipeline(
      Readable.fromWeb(response.body as import("node:stream/web").ReadableStream),
      createWriteStream(file),
    );
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const after = appPid ? memory(appPid) : { rss: 0, peak: 0 };
    const growth = Math.max(after.peak, sampled) - before.rss;
    const entries = Number(/(\d+) files?,/.exec(execFileSync("zipinfo", ["-t", file], { encoding: "utf8" }))?.[1]);
    if (entries !== ZIP_INVOICES) throw new Error(`the ZIP holds ${entries} files, not ${ZIP_INVOICES}`);
    console.log(
      `ZIP of ${entries} invoices: ${(statSync(file).size / 1048576).toFixed(1)} MB in ${seconds.toFixed(1)} s; ` +
        `app RSS ${before.rss.toFixed(0)} MB before, peak ${Math.max(after.peak, sampled).toFixed(0)} MB`,
    );
    budgets.push({
      name: `ZIP of ${ZIP_INVOICES.toLocaleString()} invoices, peak memory growth of the app`,
      value: appPid ? Number(growth.toFixed(1)) : Number.NaN,
      limit: 150,
      unit: "MB",
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return budgets;
}

/** Alone: `npx tsx bench/invoices-admin.ts` builds the app and runs these budgets only. */
async function main() {
  execFileSync(process.execPath, [path.join(PROJECT_ROOT, "node_modules/@remix-run/dev/dist/cli.js"), "vite:build"], {
    cwd: PROJECT_ROOT,
    stdio: "ignore",
  });
  const dir = mkdtempSync(path.join(os.tmpdir(), "care-desk-bench-inv-"));
  const databaseUrl = `file:${path.join(dir, "bench.sqlite")}`;
  execFileSync(path.join(PROJECT_ROOT, "node_modules/.bin/prisma"), ["migrate", "deploy"], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: "ignore",
  });
  const adminApiTimes: number[] = [];
  const stack = await startBuiltStack({
    databaseUrl,
    devStore: { onAdminApiRequest: (ms) => adminApiTimes.push(ms) },
    quiet: process.env.BENCH_VERBOSE !== "1",
  });
  try {
    const budgets = await invoiceAdminBudgets({
      appUrl: stack.appUrl,
      appPid: stack.appPid,
      shop: stack.devStore.shop,
      apiKey: stack.apiKey,
      apiSecret: stack.apiSecret,
      databaseUrl,
      adminApiTimes,
      requests: Number(process.env.BENCH_REQUESTS ?? 400),
    });
    for (const b of budgets)
      console.log(
        `  ${b.value <= b.limit ? "ok  " : "OVER"} ${b.name}: ${b.value} ${b.unit} (budget ${b.limit} ${b.unit})`,
      );
    if (budgets.some((b) => !(b.value <= b.limit))) process.exitCode = 1;
  } finally {
    await stack.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
