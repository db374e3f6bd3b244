// Product reviews' budgets, run by `npm run bench` (bench/run.ts) against its built app and dev store:
// - the "Product reviews" block: JavaScript ≤ 2 KB gzip (pagination only), no request to the
//   app or another origin for the first page (rendered in Liquid from the product's metafield);
// - reply desk queue with BENCH_REVIEWS reviews (default 500 000) in the shop: app server time
//   p95 ≤ 100 ms, excluding the Admin API round trip for product titles;
// - one owner reply visible on the storefront (metafield synced by the job) within 2 s.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaClient } from "../app/generated/sqlite/client";
import { BROWSER_USER_AGENT } from "../devstore/app-process";
import { sessionToken } from "../devstore/auth/tokens";
import { PROJECT_ROOT } from "../devstore/config";
import type { RunningDevStore } from "../devstore/server";
import { percentile } from "./stats";

type Budget = { name: string; value: number; limit: number; unit: string };
const REVIEWS = Number(process.env.BENCH_REVIEWS ?? 500_000);

export function reviewAssetBudgets(): Budget[] {
  const js = readFileSync(path.join(PROJECT_ROOT, "extensions/care-desk-theme/assets/product-reviews.js"));
  return [{ name: "product-reviews block JS (gzip)", value: gzipSync(js).length, limit: 2 * 1024, unit: "B" }];
}

/** Fills the app's SQLite database with `count` reviews of the shop's products. */
async function seedReviews(databaseUrl: string, shop: string, productIds: string[], count: number) {
  const prisma = new PrismaClient({ adapter: new PrismaLibSQL({ url: databaseUrl, intMode: "bigint" }) });
  const statuses = ["pending", "published", "published", "published", "hidden", "spam"];
  const now = Date.now();
  try {
    for (let done = 0; done < count; done += 5000) {
      const batch = Array.from({ length: Math.min(5000, count - done) }, (_, j) => {
        const i = done + j;
        const created = new Date(now - (i % 400) * 3_600_000 - (i % 997) * 1000);
        const replied = i % 3 === 0;
        return {
          id: randomUUID(),
          shop,
          productId: productIds[i % productIds.length]!,
          rating: 1 + (i % 5),
          title: `Review ${i}`,
          body: `Benchmark review number ${i}, with a few words about the product.`,
          authorName: `Shopper ${i % 977}`,
          email: `shopper${i % 977}@example.com`,
          locale: ["en", "de", "fr", "es", "ja"][i % 5]!,
          status: statuses[i % statuses.length]!,
          verified: i % 4 === 0,
          createdAt: created,
          publishedAt: created,
          firstRepliedAt: replied ? new Date(created.getTime() + 7_200_000) : null,
          replyBody: replied ? "Thank you!" : null,
          repliedAt: replied ? new Date(created.getTime() + 7_200_000) : null,
        };
      });
      await prisma.review.createMany({ data: batch });
    }
    // What the app keeps beside the reviews: one sync row per reviewed product.
    await prisma.reviewProductSync.createMany({ data: productIds.map((productId) => ({ shop, productId })) });
    // Fold the seeding's write-ahead log into the database now, not during the measurements.
    await prisma.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
  } finally {
    await prisma.$disconnect();
  }
}

export async function reviewBudgets({
  appUrl,
  devStore,
  apiKey,
  apiSecret,
  databaseUrl,
  adminApiTimes,
  requests,
}: {
  appUrl: string;
  devStore: RunningDevStore;
  apiKey: string;
  apiSecret: string;
  databaseUrl: string;
  /** Admin API times recorded by the dev store since the last reset (emptied by this function). */
  adminApiTimes: number[];
  requests: number;
}): Promise<Budget[]> {
  const budgets: Budget[] = [];
  const products = devStore.store.defaultShop.data.products;
  const seedStart = performance.now();
  await seedReviews(databaseUrl, devStore.shop, products.map((p) => p.id).slice(5), REVIEWS);
  console.log(`Seeded ${REVIEWS.toLocaleString()} reviews in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

  const desk = async (query: string, init: { method?: string; body?: URLSearchParams } = {}) => {
    const token = await sessionToken({ shop: devStore.shop, apiKey, apiSecret });
    const response = await fetch(`${appUrl}/app/reviews?${query}&_data=routes%2Fapp.reviews`, {
      ...init,
      headers: { Authorization: `Bearer ${token}`, "User-Agent": BROWSER_USER_AGENT },
    });
    if (response.status !== 200) throw new Error(`desk answered ${response.status}`);
    return response.json() as Promise<{ reviews?: { id: string }[] }>;
  };

  // 1. The desk's queue: the default view and common filters, one at a time.
  const queries = [
    "view=awaiting",
    "view=awaiting&sort=oldest",
    "view=pending",
    "view=all&rating=1",
    "view=awaiting&verified=yes",
  ];
  const times: number[] = [];
  for (let i = 0; i < Math.min(requests, 200) + 10; i++) {
    adminApiTimes.length = 0;
    const started = performance.now();
    await desk(queries[i % queries.length]!);
    const total = performance.now() - started;
    if (i >= 10) times.push(total - adminApiTimes.reduce((a, b) => a + b, 0));
  }
  times.sort((a, b) => a - b);
  budgets.push({
    name: `reply desk queue, ${REVIEWS.toLocaleString()} reviews, app server time p95 (excl. Admin API)`,
    value: Number(percentile(times, 95).toFixed(1)),
    limit: 100,
    unit: "ms",
  });

  // 2. The product page: the first page of reviews needs no request to the app.
  const product = products[0]!;
  const form = new URLSearchParams({
    locale: "en",
    product_id: product.id.split("/").pop()!,
    started: String(Math.floor(Date.now() / 1000) - 60),
    rating: "2",
    title: `Bench ${randomUUID()}`,
    body: "Arrived late.",
    name: "Bench",
    email: "bench@example.com",
  });
  const posted = await fetch(`${devStore.origin}/apps/care/reviews/`, {
    method: "POST",
    body: form,
    headers: { "User-Agent": BROWSER_USER_AGENT, "X-Devstore-Client-Ip": "10.9.9.9" },
  });
  if (posted.status !== 200) throw new Error(`review answered ${posted.status}`);
  const [review] = (await desk(`view=all&q=${encodeURIComponent(form.get("title")!)}`)).reviews ?? [];
  if (!review) throw new Error("the benchmark review is not in the desk");

  // 3. One reply, from the desk to the storefront.
  const started = performance.now();
  await desk("", { method: "POST", body: new URLSearchParams({ intent: "published", id: review.id }) });
  const reply = `Sorry, a replacement is on its way (${randomUUID()})`;
  await desk("", { method: "POST", body: new URLSearchParams({ intent: "reply", id: review.id, body: reply }) });
  let html = "";
  while (!html.includes(reply)) {
    if (performance.now() - started > 30_000) throw new Error("the reply never reached the storefront");
    // A pause between looks: the dev store runs in this process and also serves the app's
    // Admin API calls; polling without one would starve them.
    if (html) await new Promise((resolve) => setTimeout(resolve, 50));
    html = await (await fetch(`${devStore.origin}/products/${product.handle}`)).text();
  }
  budgets.push({
    name: "owner reply visible on the storefront (desk → job → metafieldsSet → Liquid)",
    value: Math.round(performance.now() - started),
    limit: 2000,
    unit: "ms",
  });
  const appRequests = [...html.matchAll(/<(?:script|link|img|iframe)\b[^>]*(?:src|href)="([^"]*)"/g)]
    .map((m) => m[1]!)
    .filter((url) => url.includes("/apps/care") || /^https?:\/\//.test(url));
  budgets.push({
    name: "requests to the app or other origins for the first page of reviews",
    value: appRequests.length,
    limit: 0,
    unit: "",
  });
  return budgets;
}
