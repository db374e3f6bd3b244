// Credit notes over HTTP against the dev store: a refund made with the dev store's order
// controls delivers refunds/create, the app issues a credit note through the job queue (the
// order's invoice first when it has none), and its PDF says what was refunded.
import { createClient } from "@libsql/client";
import { afterAll, describe, expect, inject, it } from "vitest";
import type { InvoiceSnapshot } from "../../app/features/invoices/document";
import { LABELS } from "../../app/features/invoices/labels";
import { renderInvoicePdf } from "../../app/features/invoices/pdf.server";
import type { Order } from "../../devstore/data/types";
import { pdfText } from "../support/pdf";
import { devstore, recentOrder, recentOrders } from "../support/storefront";

type Row = {
  id: string;
  kind: string;
  number: string;
  sourceKey: string;
  invoiceId: string | null;
  total: string;
  snapshot: string;
};

const db = createClient({ url: inject("appDatabaseUrl") });
afterAll(() => db.close());

async function documents(order: Order): Promise<Row[]> {
  const { rows } = await db.execute({
    sql: 'SELECT "id", "kind", "number", "sourceKey", "invoiceId", "total", "snapshot" FROM "Invoice" WHERE "shop" = ? AND "orderId" = ? ORDER BY "number"',
    args: [inject("shop"), order.id],
  });
  return rows as unknown as Row[];
}

async function waitForDocuments(order: Order, creditNotes: number): Promise<Row[]> {
  let rows: Row[] = [];
  await expect
    .poll(
      async () => {
        rows = await documents(order);
        return rows.filter((r) => r.kind === "credit_note").length;
      },
      { timeout: 20_000, interval: 300 },
    )
    .toBe(creditNotes);
  return rows;
}

type RefundReply = {
  deliveries: { topic: string; status: number | null }[];
  order: { refunds: { id: number; admin_graphql_api_id: string; transactions: { amount: string }[] }[] };
};
const refund = (order: Order, body: object) =>
  devstore(`/__devstore/orders/${encodeURIComponent(order.id)}/refund`, body) as Promise<RefundReply>;

const sequence = (number: string) => Number(number.split("-").pop());

describe("credit notes", () => {
  it("two partial refunds give two credit notes against the invoice (issued first), with the refunded lines, shipping and tax", async () => {
    // GIVEN a paid order with two or more lines and paid shipping, which has no invoice yet
    // (other test files issue invoices for seeded orders too: the first candidate without one)
    const candidates = recentOrders.filter(
      (o) =>
        o.email &&
        o.displayFinancialStatus === "PAID" &&
        !o.cancelledAt &&
        o.lineItems.length >= 2 &&
        Number(o.totalShippingPriceSet.presentmentMoney.amount) > 0,
    );
    let order: Order | undefined;
    for (const candidate of candidates) {
      if ((await documents(candidate)).length > 0) continue;
      order = candidate;
      break;
    }
    if (!order) throw new Error("No seeded order without documents matches");
    const [first, second] = order.lineItems;

    // WHEN one piece of the first line is refunded (refunds/create → job)
    const one = await refund(order, { lineItems: [{ lineItemId: first!.id, quantity: 1 }], note: "Chipped mug" });
    expect(one.deliveries).toContainEqual(expect.objectContaining({ topic: "refunds/create", status: 200 }));
    let rows = await waitForDocuments(order, 1);

    // THEN the invoice was issued first, and the credit note corrects it
    const invoice = rows.find((r) => r.kind === "invoice")!;
    const note1 = rows.find((r) => r.kind === "credit_note")!;
    expect(invoice.number).toMatch(/^INV-\d{4}-\d{5}$/);
    expect(note1.number).toMatch(/^CN-\d{4}-\d{5}$/);
    expect(note1.invoiceId).toBe(invoice.id);
    const refund1 = one.order.refunds.at(-1)!;
    expect(note1.sourceKey).toBe(`refund:${refund1.admin_graphql_api_id}`);
    expect(Number(note1.total)).toBeCloseTo(-Number(refund1.transactions[0]!.amount), 2);
    const snap1 = JSON.parse(note1.snapshot) as InvoiceSnapshot;
    expect(snap1.invoiceNumber).toBe(invoice.number);
    expect(snap1.lines.map((l) => [l.title, l.quantity])).toEqual([[first!.title, 1]]);
    expect(Number(snap1.lines[0]!.total)).toBeLessThan(0);
    expect(snap1.taxes.length).toBe(1);
    expect(Number(snap1.taxes[0]!.amount)).toBeLessThan(0);

    // and its PDF says so, in the invoice's language
    const labels = LABELS[snap1.language];
    const text1 = pdfText(await renderInvoicePdf(snap1));
    expect(text1).toContain(labels.creditNote);
    expect(text1).toContain(note1.number);
    expect(text1).toContain(invoice.number);
    expect(text1).toContain(order.name);
    expect(text1).toContain(first!.title);
    expect(text1).toContain(labels.totalCredit);
    expect(text1).toContain("Chipped mug");

    // WHEN the second line and the shipping are refunded
    const two = await refund(order, {
      lineItems: [{ lineItemId: second!.id, quantity: second!.quantity }],
      shipping: true,
    });
    expect(two.deliveries).toContainEqual(expect.objectContaining({ topic: "refunds/create", status: 200 }));
    rows = await waitForDocuments(order, 2);

    // THEN a second credit note with the next number lists that line and the shipping
    const [, note2] = rows.filter((r) => r.kind === "credit_note");
    expect(sequence(note2!.number)).toBe(sequence(note1.number) + 1);
    expect(note2!.invoiceId).toBe(invoice.id);
    const snap2 = JSON.parse(note2!.snapshot) as InvoiceSnapshot;
    expect(snap2.lines.map((l) => l.title)).toEqual([second!.title]);
    expect(snap2.shipping).toHaveLength(1);
    expect(Number(snap2.shippingTotal)).toBeCloseTo(-Number(order.totalShippingPriceSet.presentmentMoney.amount), 2);
    const text2 = pdfText(await renderInvoicePdf(snap2));
    expect(text2).toContain(second!.title);
    expect(text2).toContain(LABELS[snap2.language].shipping);

    // WHEN Shopify delivers the first refund's webhook again (a retry has a new webhook id)
    await devstore("/__devstore/webhooks", {
      topic: "refunds/create",
      payload: { id: refund1.id, admin_graphql_api_id: refund1.admin_graphql_api_id, order_id: 0 },
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    // THEN nothing new: one credit note per refund, one invoice per order
    const after = await documents(order);
    expect(after.filter((r) => r.kind === "credit_note")).toHaveLength(2);
    expect(after.filter((r) => r.kind === "invoice")).toHaveLength(1);
  });

  it("a refund of an order whose invoice exists corrects that invoice; an amount-only refund is an adjustment", async () => {
    // GIVEN a pending order that is paid (orders/paid issues its invoice)
    const order = recentOrder((o) => o.displayFinancialStatus === "PENDING" && !o.cancelledAt, 2);
    await devstore(`/__devstore/orders/${encodeURIComponent(order.id)}/pay`, {});
    await expect.poll(async () => (await documents(order)).length, { timeout: 20_000, interval: 300 }).toBe(1);
    const [invoice] = await documents(order);

    // WHEN 5 (of its currency) are refunded without lines
    const reply = await refund(order, { amount: "5", note: "Goodwill" });
    expect(reply.deliveries).toContainEqual(expect.objectContaining({ topic: "refunds/create", status: 200 }));
    const rows = await waitForDocuments(order, 1);

    // THEN the credit note corrects the same invoice with an adjustment of −5
    const note = rows.find((r) => r.kind === "credit_note")!;
    expect(note.invoiceId).toBe(invoice!.id);
    const snap = JSON.parse(note.snapshot) as InvoiceSnapshot;
    expect(snap.lines).toEqual([]);
    expect(Number(snap.adjustment)).toBe(-5);
    expect(Number(snap.total)).toBe(-5);
    const text = pdfText(await renderInvoicePdf(snap));
    expect(text).toContain(LABELS[snap.language].adjustment);
  });
});
