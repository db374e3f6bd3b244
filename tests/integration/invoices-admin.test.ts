// The admin Invoices page over HTTP (session tokens, as App Bridge sends them) against the
// dev store: invoices issued through orders/paid are listed, searched and filtered; one PDF
// and a ZIP of a date range download with the right documents inside (unzipped, PDF text
// checked); another shop's document id is not found; "Email to customer" sends a working
// link; the admin link from Shopify's order page leads to (and on request issues) the invoice.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient } from "@libsql/client";
import { describe, expect, inject, it } from "vitest";
import { sessionToken } from "../../devstore/auth/tokens";
import { pdfText } from "../support/pdf";
import { BROWSER, devstore, mailTo, recentOrder, waitForMail } from "../support/storefront";

const paid = (o: { displayFinancialStatus: string; cancelledAt?: string | null }) =>
  o.displayFinancialStatus === "PAID" && !o.cancelledAt;
// Paid orders no other test file uses (the dev store seeds only a few pending ones).
const orderA = recentOrder(paid, 20);
const orderB = recentOrder(paid, 21);

async function admin(pathAndQuery: string, init: { method?: string; body?: URLSearchParams } = {}) {
  const token = await sessionToken({ shop: inject("shop"), apiKey: inject("apiKey"), apiSecret: inject("apiSecret") });
  return fetch(`${inject("appUrl")}${pathAndQuery}`, {
    ...init,
    redirect: "manual",
    headers: { Authorization: `Bearer ${token}`, "User-Agent": BROWSER },
  });
}

type Listed = {
  id: string;
  number: string;
  orderName: string;
  kind: string;
  customer: string;
  orderId: string;
  issuedAt: string;
};
type PageData = { invoices: Listed[]; next: string | null; previous: string | null; timeZone: string };

async function list(query: Record<string, string> = {}): Promise<PageData> {
  const response = await admin(`/app/invoices?${new URLSearchParams({ ...query, _data: "routes/app.invoices" })}`);
  expect(response.status).toBe(200);
  return (await response.json()) as PageData;
}

/** Shopify's orders/paid for a paid order (the dev store delivers it, signed): the app issues its invoice. */
async function paidInvoice(order: { id: string; name: string }): Promise<Listed> {
  await devstore("/__devstore/webhooks", {
    topic: "orders/paid",
    payload: { id: Number(order.id.split("/").pop()), admin_graphql_api_id: order.id, name: order.name },
  });
  let found: Listed | undefined;
  await expect
    .poll(async () => (found = (await list({ q: order.name })).invoices.find((i) => i.orderName === order.name)), {
      timeout: 20_000,
      interval: 300,
    })
    .toBeDefined();
  return found!;
}

const today = (timeZone: string) =>
  new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());

async function homeDownloads(): Promise<number> {
  const response = await admin(`/app?_data=${encodeURIComponent("routes/app._index")}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { cards: { invoices: { downloads: number } } }).cards.invoices.downloads;
}

describe("admin Invoices page", () => {
  let a: Listed;
  let b: Listed;

  it("lists issued invoices and finds them by number, order and customer; filters by type, status and date", async () => {
    // GIVEN two paid orders (orders/paid → job → invoice)
    a = await paidInvoice(orderA);
    b = await paidInvoice(orderB);
    expect(a.number).toMatch(/^INV-\d{4}-\d{5}$/);
    expect(a.kind).toBe("invoice");

    // THEN search finds each by its number (whole, or its beginning in lower case), its order
    // name (with or without "#"), and the customer's email
    expect((await list({ q: a.number })).invoices.map((i) => i.id)).toEqual([a.id]);
    expect((await list({ q: a.number.toLowerCase() })).invoices.map((i) => i.id)).toEqual([a.id]);
    expect((await list({ q: orderB.name.replace("#", "") })).invoices.map((i) => i.id)).toContain(b.id);
    expect((await list({ q: orderA.email! })).invoices.map((i) => i.id)).toContain(a.id);
    const name = a.customer.split(" ").pop()!;
    expect((await list({ q: name })).invoices.map((i) => i.id)).toContain(a.id);
    expect((await list({ q: "no-such-invoice-anywhere" })).invoices).toEqual([]);

    // AND filters: type, status, the issue date in the shop's time zone
    const { timeZone } = await list();
    const day = today(timeZone);
    expect((await list({ q: a.number, kind: "invoice" })).invoices).toHaveLength(1);
    expect((await list({ q: a.number, kind: "credit_note" })).invoices).toHaveLength(0);
    expect((await list({ q: a.number, status: "live" })).invoices).toHaveLength(1);
    expect((await list({ q: a.number, status: "test" })).invoices).toHaveLength(0);
    expect((await list({ q: a.number, from: day, to: day })).invoices).toHaveLength(1);
    const tomorrow = new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect((await list({ q: a.number, from: tomorrow })).invoices).toHaveLength(0);
    // newest first, across pages (other tests issue invoices today too)
    const listed: Listed[] = [];
    for (
      let page = await list({ from: day, to: day });
      ;
      page = await list({ from: day, to: day, after: page.next! })
    ) {
      listed.push(...page.invoices);
      if (!page.next) break;
    }
    expect(listed.map((i) => i.id)).toEqual(expect.arrayContaining([a.id, b.id]));
    const times = listed.map((i) => Date.parse(i.issuedAt));
    expect(times).toEqual([...times].sort((x, y) => y - x));
  }, 60_000);

  it("downloads one PDF and a ZIP of a date range; the Home card counts the downloads", async () => {
    const before = await homeDownloads();
    // one PDF
    const one = await admin(`/app/invoices/${a.id}/pdf`);
    expect(one.status).toBe(200);
    expect(one.headers.get("content-type")).toBe("application/pdf");
    const text = pdfText(Buffer.from(await one.arrayBuffer()));
    expect(text).toContain(a.number);
    expect(text).toContain(orderA.name);
    expect(text).toContain(orderA.lineItems[0]!.title);

    // a ZIP of today's documents: every one is inside, each a PDF with its own number
    const { timeZone } = await list();
    const day = today(timeZone);
    const expected = (await list({ from: day, to: day })).invoices;
    const zip = await admin(`/app/invoices/zip?from=${day}&to=${day}`);
    expect(zip.status).toBe(200);
    expect(zip.headers.get("content-type")).toBe("application/zip");
    expect(zip.headers.get("content-disposition")).toContain(`invoices_${day}_${day}.zip`);
    const dir = mkdtempSync(path.join(tmpdir(), "care-desk-zip-"));
    writeFileSync(path.join(dir, "all.zip"), Buffer.from(await zip.arrayBuffer()));
    execFileSync("unzip", ["-q", "all.zip", "-d", "out"], { cwd: dir });
    const files = readdirSync(path.join(dir, "out")).sort();
    expect(files).toEqual(expected.map((i) => `${i.number}.pdf`).sort());
    for (const doc of [a, b]) {
      const inside = pdfText(readFileSync(path.join(dir, "out", `${doc.number}.pdf`)));
      expect(inside).toContain(doc.number);
      expect(inside).toContain(doc.orderName);
    }
    // nothing matches → 404, not an empty archive
    expect((await admin(`/app/invoices/zip?q=no-such-invoice-anywhere`)).status).toBe(404);

    // Home: one PDF plus the ZIP's documents
    expect(await homeDownloads()).toBe(before + 1 + expected.length);
  }, 90_000);

  it("does not reveal another shop's document (IDOR): 404 for its PDF, no email, not in lists or ZIPs", async () => {
    // GIVEN another shop's invoice in the same database (a copy of one of ours under another shop)
    const db = createClient({ url: inject("appDatabaseUrl") });
    const foreignId = `foreign-${Date.now()}`;
    try {
      await db.execute({
        sql: `INSERT INTO "Invoice" ("id","shop","kind","number","sourceKey","orderId","orderName","invoiceId","customerId",
                "customerEmail","customerName","currency","total","test","locale","issuedAt","snapshot","downloads","createdAt")
              SELECT ?, 'other-shop.myshopify.com', "kind", 'FOREIGN-0001', "sourceKey", "orderId", 'FOREIGN-ORDER', NULL, NULL,
                "customerEmail", "customerName", "currency", "total", "test", "locale", "issuedAt", "snapshot", 0, "createdAt"
              FROM "Invoice" WHERE "id" = ?`,
        args: [foreignId, a.id],
      });
    } finally {
      db.close();
    }
    // WHEN this shop asks for it by id
    const response = await admin(`/app/invoices/${foreignId}/pdf`);
    // THEN it is not found, exactly like an id that does not exist
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).not.toBe("application/pdf");
    expect((await admin(`/app/invoices/no-such-id/pdf`)).status).toBe(404);
    const email = await admin("/app/invoices?_data=routes%2Fapp.invoices", {
      method: "POST",
      body: new URLSearchParams({ intent: "email", id: foreignId }),
    });
    expect(await email.json()).toEqual({ ok: false, message: "This document does not exist." });
    expect((await list({ q: "FOREIGN" })).invoices).toEqual([]);
    expect((await admin(`/app/invoices/zip?q=FOREIGN`)).status).toBe(404);
    // and without a session token there is no document at all
    const anonymous = await fetch(`${inject("appUrl")}/app/invoices/${a.id}/pdf`, {
      redirect: "manual",
      headers: { "User-Agent": BROWSER },
    });
    expect(anonymous.headers.get("content-type")).not.toBe("application/pdf");
    expect([302, 401, 410]).toContain(anonymous.status);
  });

  it("emails the customer their invoice as a PDF attachment, again on each click", async () => {
    const send = async () => {
      const response = await admin("/app/invoices?_data=routes%2Fapp.invoices", {
        method: "POST",
        body: new URLSearchParams({ intent: "email", id: a.id }),
      });
      expect(await response.json()).toMatchObject({ ok: true });
    };
    await send();
    const first = await waitForMail(orderA.email!, (m) => m.subject.includes(a.number), 15_000);
    expect(first.attachments).toHaveLength(1);
    expect(pdfText(first.attachments[0]!.content)).toContain(a.number);

    await send();
    const deadline = Date.now() + 15_000;
    const sent = async () => (await mailTo(orderA.email!)).filter((m) => m.subject === first.subject).length;
    while ((await sent()) < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await sent()).toBe(2);
  }, 30_000);

  it("the admin link on Shopify's order page leads to the order's invoice, issuing it when the shop issues on request", async () => {
    // an order with an invoice: straight to it
    const numericA = orderA.id.split("/").pop()!;
    const toA = await admin(`/app/invoices/order?id=${numericA}`);
    expect(toA.status).toBe(302);
    const location = new URL(toA.headers.get("location")!, inject("appUrl"));
    expect(location.pathname).toBe("/app/invoices");
    expect(location.searchParams.get("order")).toBe(orderA.id);
    expect((await list({ order: orderA.id })).invoices.map((i) => i.id)).toEqual([a.id]);

    // a paid order without an invoice, with the "on request" trigger: the first visit issues it
    const order = recentOrder(paid, 22);
    expect((await list({ order: order.id })).invoices).toEqual([]);
    const settings = (trigger: string) =>
      admin("/app/settings?_data=routes%2Fapp.settings", {
        method: "POST",
        body: new URLSearchParams({
          intent: "invoices",
          trigger,
          legalName: "",
          address: "",
          taxIds: "",
          prefix: "INV-",
          creditPrefix: "CN-",
          includeYear: "true",
          yearlyReset: "true",
          padding: "5",
          startNumber: "1",
          retentionYears: "10",
        }),
      });
    expect(await (await settings("on_request")).json()).toMatchObject({ ok: true });
    try {
      const response = await admin(`/app/invoices/order?id=${encodeURIComponent(order.id)}`);
      expect(response.status).toBe(302);
      const issued = (await list({ order: order.id })).invoices;
      expect(issued).toHaveLength(1);
      expect(issued[0]!.orderName).toBe(order.name);
    } finally {
      expect(await (await settings("paid")).json()).toMatchObject({ ok: true });
    }
    // a malformed id is not found
    expect((await admin(`/app/invoices/order?id=abc`)).status).toBe(404);
  }, 30_000);
});
