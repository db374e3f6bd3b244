// "Issue credit note" on the admin Invoices page over HTTP (session tokens, as App Bridge sends
// them) against the dev store: a paid order's invoice (orders/paid → job) is credited by hand;
// the credit note is listed and its PDF has its number, the line and the reason; the same form
// key gives the same credit note; crediting more than is left, another shop's invoice, a
// credit note instead of an invoice and invalid lines are refused with a 4xx and a message.
import { createClient } from "@libsql/client";
import { describe, expect, inject, it } from "vitest";
import { sessionToken } from "../../devstore/auth/tokens";
import { pdfText } from "../support/pdf";
import { BROWSER, devstore, recentOrder } from "../support/storefront";

// A paid order no other test file uses.
const order = recentOrder((o) => o.displayFinancialStatus === "PAID" && !o.cancelledAt, 23);

async function admin(pathAndQuery: string, body?: URLSearchParams) {
  const token = await sessionToken({ shop: inject("shop"), apiKey: inject("apiKey"), apiSecret: inject("apiSecret") });
  return fetch(`${inject("appUrl")}${pathAndQuery}`, {
    method: body ? "POST" : "GET",
    body,
    redirect: "manual",
    headers: { Authorization: `Bearer ${token}`, "User-Agent": BROWSER },
  });
}

type Listed = { id: string; number: string; kind: string; total: string; currency: string; creditable: string | null };

const digitsOf = (currency: string) =>
  new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;

async function list(query: Record<string, string>): Promise<Listed[]> {
  const response = await admin(`/app/invoices?${new URLSearchParams({ ...query, _data: "routes/app.invoices" })}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { invoices: Listed[] }).invoices;
}

type Line = { description: string; quantity: string; unitPrice: string; taxRate: string };

async function credit({ id, key, reason = "", lines }: { id: string; key: string; reason?: string; lines: Line[] }) {
  const body = new URLSearchParams({ intent: "credit_note", id, key, reason });
  for (const line of lines) for (const [name, value] of Object.entries(line)) body.append(name, value);
  const response = await admin("/app/invoices?_data=routes%2Fapp.invoices", body);
  return {
    status: response.status,
    body: (await response.json()) as { ok: boolean; message: string; number?: string; errors?: Record<string, string> },
  };
}

const line = (overrides: Partial<Line> = {}): Line => ({
  description: "Goodwill: late delivery",
  quantity: "2",
  unitPrice: "5.00",
  taxRate: "",
  ...overrides,
});

describe("Issue credit note (admin Invoices page)", () => {
  let invoice: Listed;

  it("issues a credit note for a manual adjustment; the same form key gives the same one", async () => {
    // GIVEN the order's invoice (orders/paid → job)
    await devstore("/__devstore/webhooks", {
      topic: "orders/paid",
      payload: { id: Number(order.id.split("/").pop()), admin_graphql_api_id: order.id, name: order.name },
    });
    await expect
      .poll(async () => (invoice = (await list({ order: order.id })).find((d) => d.kind === "invoice")!), {
        timeout: 20_000,
        interval: 300,
      })
      .toBeDefined();
    // the page offers its whole total for crediting
    expect(invoice.creditable).toBe(invoice.total);

    // WHEN the merchant credits 2 × 5.00 with a reason
    const key = crypto.randomUUID();
    const first = await credit({ id: invoice.id, key, reason: "Parcel arrived a week late", lines: [line()] });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ ok: true });
    const number = first.body.number!;
    expect(number).toMatch(/^CN-\d{4}-\d{5}$/);
    expect(first.body.message).toContain(number);

    // THEN it is listed with the order's documents, as a credit note of −10.00, and the
    // invoice's creditable amount is 10.00 less
    const documents = await list({ order: order.id });
    const note = documents.find((d) => d.number === number)!;
    expect(note).toMatchObject({ kind: "credit_note", creditable: null });
    expect(Number(note.total)).toBe(-10);
    const after = documents.find((d) => d.id === invoice.id)!;
    expect(Number(after.creditable)).toBeCloseTo(Number(invoice.total) - 10, 2);

    // AND its PDF names it, the invoice it corrects, the line and the reason
    const pdf = await admin(`/app/invoices/${note.id}/pdf`);
    expect(pdf.status).toBe(200);
    const text = pdfText(Buffer.from(await pdf.arrayBuffer()));
    expect(text).toContain(number);
    expect(text).toContain(invoice.number);
    expect(text).toContain("Goodwill: late delivery");
    expect(text).toContain("Parcel arrived a week late");

    // WHEN the same form is submitted again (a double click, a retry)
    const again = await credit({ id: invoice.id, key, reason: "Parcel arrived a week late", lines: [line()] });
    // THEN the answer is the same credit note, and no other is issued
    expect(again.body).toMatchObject({ ok: true, number });
    expect((await list({ order: order.id })).filter((d) => d.kind === "credit_note")).toHaveLength(1);
  }, 60_000);

  it("refuses to credit more than the invoice's total less its earlier credit notes", async () => {
    const [current] = (await list({ order: order.id })).filter((d) => d.id === invoice.id);
    const left = current!.creditable!;
    const over = await credit({
      id: invoice.id,
      key: crypto.randomUUID(),
      // one minor unit more than is left
      lines: [
        line({
          quantity: "1",
          unitPrice: (Number(left) + 10 ** -digitsOf(current!.currency)).toFixed(digitsOf(current!.currency)),
        }),
      ],
    });
    expect(over.status).toBe(422);
    expect(over.body).toEqual({
      ok: false,
      message: "This credits more than the invoice's total less its earlier credit notes.",
    });
    // exactly what is left is allowed, and then nothing more
    const rest = await credit({
      id: invoice.id,
      key: crypto.randomUUID(),
      lines: [line({ description: "Full refund of the rest", quantity: "1", unitPrice: left })],
    });
    expect(rest.body).toMatchObject({ ok: true });
    expect((await list({ order: order.id })).find((d) => d.id === invoice.id)!.creditable).toMatch(/^0\.0+$|^0$/);
    const more = await credit({ id: invoice.id, key: crypto.randomUUID(), lines: [line({ unitPrice: "1" })] });
    expect(more.status).toBe(422);
    expect(more.body.ok).toBe(false);
  }, 30_000);

  it("refuses another shop's invoice, a credit note, an unknown id and invalid input with a 4xx and a message", async () => {
    // another shop's invoice in the same database (a copy of ours under another shop)
    const db = createClient({ url: inject("appDatabaseUrl") });
    const foreignId = `foreign-credit-${Date.now()}`;
    try {
      await db.execute({
        sql: `INSERT INTO "Invoice" ("id","shop","kind","number","sourceKey","orderId","orderName","invoiceId","customerId",
                "customerEmail","customerName","currency","total","test","locale","issuedAt","snapshot","downloads","createdAt")
              SELECT ?, 'other-shop.myshopify.com', "kind", 'FOREIGN-CN-0001', "sourceKey", "orderId", 'FOREIGN-ORDER', NULL, NULL,
                "customerEmail", "customerName", "currency", '1000.00', "test", "locale", "issuedAt", "snapshot", 0, "createdAt"
              FROM "Invoice" WHERE "id" = ?`,
        args: [foreignId, invoice.id],
      });
    } finally {
      db.close();
    }
    const notFound = { ok: false, message: "This invoice does not exist." };
    const foreign = await credit({ id: foreignId, key: crypto.randomUUID(), lines: [line({ unitPrice: "1.00" })] });
    expect(foreign).toEqual({ status: 404, body: notFound });
    const unknown = await credit({ id: "no-such-id", key: crypto.randomUUID(), lines: [line()] });
    expect(unknown).toEqual({ status: 404, body: notFound });
    // nothing was issued under the other shop's invoice either
    const check = createClient({ url: inject("appDatabaseUrl") });
    try {
      const rows = await check.execute({
        sql: `SELECT COUNT(*) AS n FROM "Invoice" WHERE "invoiceId" = ?`,
        args: [foreignId],
      });
      expect(Number(rows.rows[0]!.n)).toBe(0);
    } finally {
      check.close();
    }

    // a credit note is not an invoice
    const note = (await list({ order: order.id })).find((d) => d.kind === "credit_note")!;
    const ofNote = await credit({ id: note.id, key: crypto.randomUUID(), lines: [line()] });
    expect(ofNote.status).toBe(400);
    expect(ofNote.body).toEqual({ ok: false, message: "Only an invoice can be credited." });

    // invalid lines: each field's message, 400, nothing issued
    const before = (await list({ order: order.id })).length;
    const invalid = await credit({
      id: invoice.id,
      key: crypto.randomUUID(),
      lines: [
        line({ description: "  " }),
        line({ quantity: "0" }),
        line({ unitPrice: "0" }),
        line({ unitPrice: "-3" }),
        line({ quantity: "1.5", taxRate: "250" }),
      ],
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.ok).toBe(false);
    expect(invalid.body.errors).toEqual({
      "lines.0.description": "Enter a description.",
      "lines.1.quantity": "The quantity must be at least 1.",
      "lines.2.unitPrice": "The amount must be more than 0.",
      "lines.3.unitPrice": "Enter an amount such as 10.00.",
      "lines.4.quantity": "Enter a whole number.",
      "lines.4.taxRate": "At most 100 %.",
    });
    // more decimals than the invoice's currency has (1.005 in EUR, 1.5 in JPY); trailing zeros are fine
    const digits = digitsOf(invoice.currency);
    const precise = await credit({
      id: invoice.id,
      key: crypto.randomUUID(),
      lines: [line({ unitPrice: `1.${"0".repeat(digits)}5` })],
    });
    expect(precise.status).toBe(400);
    expect(precise.body.errors).toEqual({
      "lines.0.unitPrice":
        digits === 0 ? `${invoice.currency} amounts have no decimals.` : `At most ${digits} decimals.`,
    });
    const noLines = await credit({ id: invoice.id, key: crypto.randomUUID(), lines: [] });
    expect(noLines.status).toBe(400);
    expect(noLines.body.errors).toEqual({ lines: "Add at least one line." });
    const badKey = await credit({ id: invoice.id, key: "x", lines: [line()] });
    expect(badKey.status).toBe(400);
    expect(badKey.body.errors).toHaveProperty("key");
    expect((await list({ order: order.id })).length).toBe(before);
  }, 30_000);
});
