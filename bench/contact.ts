// Contact's budgets, run by `npm run bench` (bench/run.ts) against its built app and dev store:
// - the "Contact" block: JavaScript ≤ 3 KB gzip (FAQ filter and in-place submit), and no
//   request to the app or another origin before the shopper submits (everything the block
//   shows comes from Liquid and the shop metafield);
// - submit, full path (storefront → app proxy → app → stored + acknowledgement queued) at 1,
//   8 and 32 concurrent shoppers: p50/p95/p99 printed;
// - the inbox list with BENCH_CONVERSATIONS conversations (default 200 000): app server time
//   p95 ≤ 100 ms.
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
import { atConcurrency, percentile, type Level } from "./stats";

type Budget = { name: string; value: number; limit: number; unit: string };
const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 200_000);

export function contactAssetBudgets(): Budget[] {
  const js = readFileSync(path.join(PROJECT_ROOT, "extensions/care-desk-theme/assets/contact.js"));
  return [{ name: "contact block JS (gzip)", value: gzipSync(js).length, limit: 3 * 1024, unit: "B" }];
}

/** Fills the app's SQLite database with `count` conversations (two messages each). */
async function seedConversations(databaseUrl: string, shop: string, count: number) {
  const prisma = new PrismaClient({ adapter: new PrismaLibSQL({ url: databaseUrl, intMode: "bigint" }) });
  const statuses = ["open", "waiting", "closed", "closed"];
  const now = Date.now();
  try {
    for (let done = 0; done < count; done += 1000) {
      const conversations = [];
      const messages = [];
      for (let j = 0; j < Math.min(1000, count - done); j++) {
        const i = done + j;
        const id = randomUUID();
        const created = new Date(now - (i % 2000) * 3_600_000 - (i % 997) * 1000);
        const status = statuses[i % statuses.length]!;
        conversations.push({
          id,
          shop,
          reference: `B-${i.toString(36).toUpperCase().padStart(6, "0")}`,
          status,
          folder: i % 50 === 0 ? "spam" : "inbox",
          spamReason: i % 50 === 0 ? "links" : null,
          name: `Shopper ${i % 977}`,
          email: `shopper${i % 977}@example.com`,
          orderNumber: i % 3 === 0 ? `#${1000 + (i % 500)}` : null,
          topic: ["order", "shipping", "returns", "product", "other"][i % 5]!,
          subject: `Question ${i} about my order`,
          locale: ["en", "de", "fr", "es", "ja"][i % 5]!,
          unread: status === "open" && i % 2 === 0,
          createdAt: created,
          lastMessageAt: new Date(created.getTime() + 3_600_000),
          firstResponseAt: status === "open" ? null : new Date(created.getTime() + 3_600_000),
          closedAt: status === "closed" ? new Date(created.getTime() + 7_200_000) : null,
        });
        messages.push(
          {
            id: randomUUID(),
            shop,
            conversationId: id,
            author: "customer",
            channel: "form",
            body: `Question ${i}`,
            createdAt: created,
          },
          ...(status === "open"
            ? []
            : [
                {
                  id: randomUUID(),
                  shop,
                  conversationId: id,
                  author: "owner",
                  channel: "inbox",
                  body: "Thanks!",
                  createdAt: new Date(created.getTime() + 3_600_000),
                },
              ]),
        );
      }
      await prisma.conversation.createMany({ data: conversations });
      await prisma.conversationMessage.createMany({ data: messages });
    }
    await prisma.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
  } finally {
    await prisma.$disconnect();
  }
}

export async function contactBudgets({
  appUrl,
  devStore,
  apiKey,
  apiSecret,
  databaseUrl,
  requests,
}: {
  appUrl: string;
  devStore: RunningDevStore;
  apiKey: string;
  apiSecret: string;
  databaseUrl: string;
  requests: number;
}): Promise<{ budgets: Budget[]; submit: Level[] }> {
  const budgets: Budget[] = [];
  // The shop's conversations first, while the app is idle (SQLite has one writer): the
  // submits below then run against a full database too.
  const seedStart = performance.now();
  await seedConversations(databaseUrl, devStore.shop, CONVERSATIONS);
  console.log(
    `Seeded ${CONVERSATIONS.toLocaleString()} conversations in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
  );

  // 1. The contact page: nothing is requested from the app (or another origin) before submit.
  const page = await (await fetch(`${devStore.origin}/pages/contact`)).text();
  const early = [...page.matchAll(/<(?:script|link|img|iframe)\b[^>]*(?:src|href)="([^"]*)"/g)]
    .map((m) => m[1]!)
    .filter((url) => url.includes("/apps/care") || /^https?:\/\//.test(url));
  budgets.push({
    name: "requests to the app or other origins before the shopper submits",
    value: early.length,
    limit: 0,
    unit: "",
  });

  // 2. Submit, full path, at 1, 8 and 32 shoppers.
  const submit = await atConcurrency([1, 8, 32], requests, async (i, worker) => {
    const response = await fetch(`${devStore.origin}/apps/care/contact/?view=fragment`, {
      method: "POST",
      body: new URLSearchParams({
        locale: "en",
        started: String(Math.floor(Date.now() / 1000) - 60),
        name: `Bench ${i}`,
        email: `bench${i}@example.com`,
        topic: "order",
        message: `Where is my order? Benchmark message ${i}.`,
      }),
      headers: { "User-Agent": BROWSER_USER_AGENT, "X-Devstore-Client-Ip": `10.7.${worker}.${i % 250}` },
    });
    await response.text();
    if (response.status !== 200) throw new Error(`contact answered ${response.status}`);
  });

  // 3. The inbox list with many conversations (no Admin API call on this page).
  const inbox = async (query: string) => {
    const token = await sessionToken({ shop: devStore.shop, apiKey, apiSecret });
    const response = await fetch(`${appUrl}/app/inbox?${query}&_data=routes%2Fapp.inbox._index`, {
      headers: { Authorization: `Bearer ${token}`, "User-Agent": BROWSER_USER_AGENT },
    });
    if (response.status !== 200) throw new Error(`inbox answered ${response.status}`);
    return response.json() as Promise<{ next: string | null }>;
  };
  const first = await inbox("view=all");
  const queries = [
    "view=open",
    "view=waiting",
    "view=all",
    "view=spam",
    "view=open&unread=1",
    `view=all&after=${first.next}`,
  ];
  const times: number[] = [];
  for (let i = 0; i < Math.min(requests, 200) + 10; i++) {
    const started = performance.now();
    await inbox(queries[i % queries.length]!);
    if (i >= 10) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  budgets.push({
    name: `inbox list, ${CONVERSATIONS.toLocaleString()} conversations, app server time p95`,
    value: Number(percentile(times, 95).toFixed(1)),
    limit: 100,
    unit: "ms",
  });
  return { budgets, submit };
}
