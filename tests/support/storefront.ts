// Shopper-side helpers for integration tests: requests go to the dev store's storefront,
// which signs them and forwards them through the app proxy to the real app.
import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { seedShopData } from "../../devstore/data/seed";
import type { Order } from "../../devstore/data/types";

export const BROWSER =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36";

/** The dev store seeds deterministically: the tests see the same orders it serves. */
export const seeded = seedShopData();

const DAY = 86_400_000;
export const recentOrders = seeded.orders.filter((o) => Date.parse(o.createdAt) > Date.now() - 58 * DAY);

export function recentOrder(predicate: (o: Order) => boolean = () => true, skip = 0): Order {
  const found = recentOrders.filter((o) => o.email && predicate(o))[skip];
  if (!found) throw new Error("No seeded order matches");
  return found;
}

/**
 * A fresh shopper address (random, in the IPv6 documentation range, in its own /64: the app
 * limits IPv6 shoppers per /64), so that tests running in parallel files never share a
 * per-address allowance.
 */
export function shopperIp(): string {
  const hex = randomBytes(6).toString("hex").match(/.{4}/g)!;
  return `2001:db8:${hex.join(":")}::1`;
}

export async function storefront(
  path: string,
  init: { method?: string; form?: Record<string, string>; ip?: string; headers?: Record<string, string> } = {},
) {
  const body = init.form ? new URLSearchParams(init.form) : undefined;
  const response = await fetch(`${inject("devstoreOrigin")}${path}`, {
    method: init.method ?? (body ? "POST" : "GET"),
    body,
    redirect: "manual",
    headers: { "User-Agent": BROWSER, "X-Devstore-Client-Ip": init.ip ?? shopperIp(), ...init.headers },
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

export function lookup(
  form: Record<string, string>,
  { fragment = true, ip }: { fragment?: boolean; ip?: string } = {},
) {
  return storefront(`/apps/care/orders/lookup/${fragment ? "?view=fragment" : ""}`, {
    form: { locale: "en", ...form },
    ip,
  });
}

export async function devstore(path: string, body?: unknown, method = body === undefined ? "GET" : "POST") {
  const response = await fetch(`${inject("devstoreOrigin")}${path}`, {
    method,
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return response.json() as Promise<unknown>;
}

/** An email in the dev store's mailbox (attachments in base64). */
export interface ReceivedMail {
  subject: string;
  text: string;
  html: string | null;
  attachments: { filename: string | null; contentType: string; size: number; content: string }[];
}

export async function mailTo(to: string): Promise<ReceivedMail[]> {
  return (await devstore(`/__devstore/mail.json?to=${encodeURIComponent(to)}`)) as ReceivedMail[];
}

/** The first email to `to` that matches, waiting for the app's job worker to send it. */
export async function waitForMail(
  to: string,
  match: (mail: { subject: string }) => boolean,
  timeoutMs = 10_000,
): Promise<ReceivedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await mailTo(to)).find(match);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`No email to ${to} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
