// Order and invoice history in the customer's account, over HTTP against the dev store:
// the customer account extensions' backend (session tokens signed as Shopify signs them,
// CORS, ownership through the Admin API, one-minute single-use download links) and the legacy
// account page's block (app proxy, logged_in_customer_id). Every attack of the issue's
// "Security" list is here: a changed order id, another customer's token, an expired or replayed
// download URL, a guest lookup session used on another order.
import { execFileSync } from "node:child_process";
import { hkdfSync, randomUUID } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { SignJWT } from "jose";
import { beforeAll, describe, expect, inject, it } from "vitest";
import type { Order } from "../../devstore/data/types";
import { BROWSER, devstore, lookup, recentOrders, seeded, shopperIp, storefront } from "../support/storefront";

const EXTENSION_ORIGIN = "https://extensions.shopifycdn.com";

function pdfText(pdf: Buffer): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "care-desk-acct-")), "doc.pdf");
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
}

const paid = (o: Order) => o.displayFinancialStatus === "PAID" && !o.cancelledAt;

/** A seeded customer with an account and a recent paid order (the last ones: other files use the first). */
function customerWithOrders(skip: number) {
  const candidates = seeded.customers.filter(
    (c) => c.hasAccount && c.email && recentOrders.some((o) => o.customerId === c.id && paid(o)),
  );
  const customer = candidates.at(-1 - skip)!;
  return { customer, pending: recentOrders.filter((o) => o.customerId === customer.id && paid(o)).at(-1)! };
}

async function signIn(email: string): Promise<string> {
  const response = await fetch(`${inject("devstoreOrigin")}/account/login`, {
    method: "POST",
    body: new URLSearchParams({ email }),
    redirect: "manual",
  });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (!cookie) throw new Error(`could not sign in as ${email}`);
  return cookie;
}

async function extensionToken(cookie: string | null): Promise<string> {
  const response = await fetch(`${inject("devstoreOrigin")}/account/extensions/session-token`, {
    headers: cookie ? { Cookie: cookie } : {},
  });
  return ((await response.json()) as { token: string }).token;
}

async function api(pathname: string, token: string | null, body: unknown, method = "POST") {
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    Origin: EXTENSION_ORIGIN,
    "User-Agent": BROWSER,
  };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(`${inject("appUrl")}${pathname}`, {
    method,
    headers,
    body: method === "POST" ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  let json: Record<string, unknown> | null = null;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // not JSON
  }
  return { status: response.status, headers: response.headers, json, text };
}

async function download(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers: { "User-Agent": BROWSER, ...headers }, redirect: "manual" });
  return {
    status: response.status,
    type: response.headers.get("content-type"),
    body: Buffer.from(await response.arrayBuffer()),
  };
}

type Documents = Record<string, { key: string; kind: string; number: string | null }[]>;

const a = customerWithOrders(0);
const b = customerWithOrders(1);
let tokenA = "";
let tokenB = "";
let cookieA = "";
let cookieB = "";

async function invoiceOf(order: Order, token: string) {
  const response = await api("/api/account/documents", token, { orderIds: [order.id] });
  return ((response.json?.orders as Documents | undefined)?.[order.id] ?? []).find((d) => d.kind === "invoice");
}

beforeAll(async () => {
  expect(a.customer.id).not.toBe(b.customer.id);
  [cookieA, cookieB] = await Promise.all([signIn(a.customer.email!), signIn(b.customer.email!)]);
  [tokenA, tokenB] = await Promise.all([extensionToken(cookieA), extensionToken(cookieB)]);
  // Each customer's paid order gets its invoice: orders/paid → job → invoice.
  for (const { pending } of [a, b]) {
    await devstore("/__devstore/webhooks", { topic: "orders/paid", payload: { admin_graphql_api_id: pending.id } });
  }
  const deadline = Date.now() + 20_000;
  while (!(await invoiceOf(a.pending, tokenA)) || !(await invoiceOf(b.pending, tokenB))) {
    if (Date.now() > deadline) {
      const r = await api("/api/account/documents", tokenA, { orderIds: [a.pending.id] });
      throw new Error(`the invoices were not issued within 20 s: ${r.status} ${r.text} ${tokenA}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
});

async function linkFor(order: Order, token: string, document?: string) {
  const key = document ?? (await invoiceOf(order, token))?.key ?? "invoice";
  return api("/api/account/documents/link", token, { orderId: order.id, document: key, locale: "en" });
}

describe("customer account extensions' backend", () => {
  it("answers the CORS preflight and carries CORS headers", async () => {
    const preflight = await fetch(`${inject("appUrl")}/api/account/documents`, {
      method: "OPTIONS",
      headers: {
        Origin: EXTENSION_ORIGIN,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization,content-type",
        "User-Agent": BROWSER,
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("authorization");

    const listed = await api("/api/account/documents", tokenA, { orderIds: [a.pending.id] });
    expect(listed.status).toBe(200);
    expect(listed.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("lists the customer's own orders' documents and leaves others' orders out", async () => {
    const listed = await api("/api/account/documents", tokenA, { orderIds: [a.pending.id, b.pending.id] });
    expect(listed.status).toBe(200);
    const orders = listed.json!.orders as Documents;
    expect(Object.keys(orders)).toEqual([a.pending.id]);
    expect(orders[a.pending.id]).toEqual([
      expect.objectContaining({ kind: "invoice", number: expect.stringMatching(/^INV-/) as unknown }),
    ]);
  });

  it("hands out a download link that serves the PDF once", async () => {
    const link = await linkFor(a.pending, tokenA);
    expect(link.status).toBe(200);
    const url = link.json!.url as string;
    expect(url.startsWith(`${inject("appUrl")}/account/documents/download?t=`)).toBe(true);
    expect(Date.parse(link.json!.expiresAt as string) - Date.now()).toBeLessThanOrEqual(60_000);

    const pdf = await download(url);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe("application/pdf");
    expect(pdfText(pdf.body)).toContain(a.pending.name);

    // Replayed: the same URL again is refused (translated), also in another language.
    const replay = await download(url, { "Accept-Language": "de-DE,de;q=0.9" });
    expect(replay.status).toBe(401);
    expect(replay.type).toContain("text/html");
    expect(replay.body.toString()).toContain("already used");
  });

  it("refuses requests without a valid session token", async () => {
    expect((await api("/api/account/documents", null, { orderIds: [a.pending.id] })).status).toBe(401);
    expect((await api("/api/account/documents", "not.a.jwt", { orderIds: [a.pending.id] })).status).toBe(401);
    const secret = inject("apiSecret");
    const iat = Math.floor(Date.now() / 1000);
    const sign = (claims: Record<string, unknown>, key = secret, exp = iat + 300) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: "HS256" })
        .setIssuedAt(iat)
        .setExpirationTime(exp)
        .sign(new TextEncoder().encode(key));
    const base = { dest: inject("shop"), aud: inject("apiKey"), sub: a.customer.id };
    // signed with another secret, for another app, expired, or without a signed-in customer
    for (const token of [
      await sign(base, "another-apps-secret-0123456789abcdef"),
      await sign({ ...base, aud: "another-app" }),
      await sign(base, secret, iat - 60),
      await sign({ dest: base.dest, aud: base.aud }),
      await extensionToken(null),
    ]) {
      const response = await api("/api/account/documents", token, { orderIds: [a.pending.id] });
      expect(response.status).toBe(401);
      expect(response.text).not.toContain(a.pending.id);
    }
  });

  it("attack: a changed order id gets nothing (another customer's order, a made-up one)", async () => {
    const theirs = await invoiceOf(b.pending, tokenB);
    for (const orderId of [b.pending.id, "gid://shopify/Order/999999999"]) {
      const link = await api("/api/account/documents/link", tokenA, { orderId, document: theirs!.key });
      expect(link.status).toBe(404);
      expect(link.json).toEqual({ error: "not_found" });
    }
    // The document key of another order with one's own order id: not that order's document.
    const mixed = await api("/api/account/documents/link", tokenA, { orderId: a.pending.id, document: theirs!.key });
    expect(mixed.status).toBe(404);
    // A valid link of one's own, with the order swapped in its claims: the signature breaks.
    const url = new URL((await linkFor(a.pending, tokenA)).json!.url as string);
    const [header, payload, signature] = url.searchParams.get("t")!.split(".");
    const claims = JSON.parse(Buffer.from(payload!, "base64url").toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: b.pending.id, doc: theirs!.key })).toString(
      "base64url",
    );
    url.searchParams.set("t", `${header}.${forged}.${signature}`);
    const response = await download(url.toString());
    expect(response.status).toBe(401);
    expect(response.type).not.toBe("application/pdf");
    // Bad input is a clear 400, never a 500.
    for (const body of [{ orderIds: "x" }, { orderIds: ["1234"] }, { orderIds: Array(30).fill(a.pending.id) }]) {
      expect((await api("/api/account/documents", tokenA, body)).status).toBe(400);
    }
  });

  it("attack: another customer's token cannot reach this customer's documents", async () => {
    const mine = await invoiceOf(a.pending, tokenA);
    const link = await api("/api/account/documents/link", tokenB, { orderId: a.pending.id, document: mine!.key });
    expect(link.status).toBe(404);
    const listed = await api("/api/account/documents", tokenB, { orderIds: [a.pending.id] });
    expect(listed.json).toEqual({ orders: {} });
  });

  it("attack: an expired download URL is refused", async () => {
    // A link exactly as the app signs it (same purpose-bound key), issued two minutes ago.
    const key = new Uint8Array(hkdfSync("sha256", inject("apiSecret"), "care-desk", "account-history:download", 32));
    const iat = Math.floor(Date.now() / 1000) - 120;
    const mine = await invoiceOf(a.pending, tokenA);
    const token = await new SignJWT({ doc: mine!.key, cus: a.customer.id, loc: "en" })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setIssuer(inject("shop"))
      .setSubject(a.pending.id)
      .setAudience("care-desk:account-document")
      .setIssuedAt(iat)
      .setExpirationTime(iat + 60)
      .setJti(randomUUID())
      .sign(key);
    const expired = await download(`${inject("appUrl")}/account/documents/download?t=${token}`);
    expect(expired.status).toBe(401);
    expect(expired.body.toString()).toContain("expired");
    // The same link, still valid: served (so it was the expiry that refused it).
    const fresh = await new SignJWT({ doc: mine!.key, cus: a.customer.id, loc: "en" })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setIssuer(inject("shop"))
      .setSubject(a.pending.id)
      .setAudience("care-desk:account-document")
      .setIssuedAt(iat + 120)
      .setExpirationTime(iat + 180)
      .setJti(randomUUID())
      .sign(key);
    expect((await download(`${inject("appUrl")}/account/documents/download?t=${fresh}`)).status).toBe(200);
  });

  it("attack: a guest lookup session is no key to another order", async () => {
    // A guest proves order X through the order lookup and gets its session token.
    const guestOrder = recentOrders.find(
      (o) => o.email && o.customerId !== a.customer.id && o.id !== b.pending.id && !o.cancelledAt,
    )!;
    const found = await lookup({ order_number: guestOrder.name, contact: guestOrder.email! });
    const session = /data-care-session="([^"]+)"/.exec(found.text)?.[1];
    expect(session).toBeTruthy();
    // …and tries it on customer A's order everywhere a document could come from.
    const asBearer = await api("/api/account/documents/link", session!, { orderId: a.pending.id, document: "invoice" });
    expect(asBearer.status).toBe(401);
    const asLink = await download(`${inject("appUrl")}/account/documents/download?t=${session}`);
    expect(asLink.status).toBe(401);
    const proxied = await storefront(
      `/apps/care/account/documents/?order=${a.pending.id.split("/").pop()}&document=invoice&t=${session}`,
    );
    expect(proxied.status).toBe(404);
    const lookupOther = await storefront(
      `/apps/care/orders/lookup/?view=fragment&t=${session}&order=${encodeURIComponent(a.pending.id)}`,
    );
    expect(lookupOther.text).not.toContain(a.pending.name);
    const invoiceWithSession = await storefront(`/apps/care/invoices/download/?t=${session}`);
    expect(invoiceWithSession.status).toBe(401);
  });
});

describe("legacy account page (theme block through the app proxy)", () => {
  const proxied = (order: Order, cookie: string | null, extra = "&document=invoice") =>
    fetch(
      `${inject("devstoreOrigin")}/apps/care/account/documents/?order=${order.id.split("/").pop()}${extra}&locale=en`,
      {
        headers: { "User-Agent": BROWSER, "X-Devstore-Client-Ip": shopperIp(), ...(cookie ? { Cookie: cookie } : {}) },
      },
    );

  it("renders the signed-in customer's orders in Liquid with links through the app proxy", async () => {
    const page = await storefront("/account", { headers: { Cookie: cookieA } });
    expect(page.status).toBe(200);
    expect(page.text).toContain("Orders & invoices");
    expect(page.text).toContain(a.pending.name);
    expect(page.text).toContain(
      `/apps/care/account/documents/?order=${a.pending.id.split("/").pop()}&amp;document=invoice&amp;locale=en`,
    );
    expect(page.text).not.toContain(b.pending.name);
    const de = await storefront("/de/account", { headers: { Cookie: cookieA } });
    expect(de.text).toContain("Bestellungen & Rechnungen");
    expect(de.text).toContain("Rechnung herunterladen");
  });

  it("serves the owner's invoice, and the same translated 404 to everyone else", async () => {
    const mine = await proxied(a.pending, cookieA);
    expect(mine.status).toBe(200);
    expect(mine.headers.get("content-type")).toBe("application/pdf");
    expect(pdfText(Buffer.from(await mine.arrayBuffer()))).toContain(a.pending.name);

    const strip = (html: string) => html.replace(/\d{6,}/g, "N");
    const notYours = await proxied(a.pending, cookieB);
    const missing = await proxied({ ...a.pending, id: "gid://shopify/Order/987654321" }, cookieB);
    const signedOut = await proxied(a.pending, null);
    for (const response of [notYours, missing, signedOut]) expect(response.status).toBe(404);
    const [t1, t2, t3] = await Promise.all([notYours.text(), missing.text(), signedOut.text()]);
    expect(t1).toContain("find this document in your account.");
    expect(strip(t2)).toBe(strip(t1));
    // Signed out, the theme's header differs (a "Sign in" link); the app's answer does not.
    const main = (html: string) => /<main[\s\S]*<\/main>/.exec(html)![0];
    expect(strip(main(t3))).toBe(strip(main(t1)));
    const german = await fetch(
      `${inject("devstoreOrigin")}/apps/care/account/documents/?order=${a.pending.id.split("/").pop()}&document=invoice&locale=de`,
      { headers: { "User-Agent": BROWSER, Cookie: cookieB } },
    );
    expect(german.status).toBe(404);
    expect(await german.text()).toContain("nicht gefunden");
  });

  it("lists every document of the owner's order", async () => {
    const page = await proxied(a.pending, cookieA, "");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toMatch(/Download invoice INV-/);
    expect((await proxied(a.pending, cookieB, "")).status).toBe(404);
  });
});
