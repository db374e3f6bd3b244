// The admin Invoices page's queries on both databases: cursor pages forwards and backwards
// (ties on the issue date included) visit every document once, search and filters, and the
// shop's days for the date range; download events for the Home card.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { DATABASE_KINDS } from "../setup/db";
import { useTestDatabase } from "../support/app";

const SHOP = "pages.myshopify.com";

describe.each(DATABASE_KINDS)("admin invoice list on %s", (kind) => {
  const database = useTestDatabase(kind);
  let list: typeof import("~/features/invoices/admin-list.server");
  let store: typeof import("~/features/invoices/store.server");
  const base = Date.parse("2026-03-10T12:00:00Z");
  const ids: string[] = [];

  beforeAll(async () => {
    list = await import("~/features/invoices/admin-list.server");
    store = await import("~/features/invoices/store.server");
    // 30 documents, every third pair sharing an issue instant (the id breaks the tie);
    // every fifth a credit note, every seventh a test order; one of another shop.
    const rows = Array.from({ length: 30 }, (_, i) => ({
      id: randomUUID(),
      shop: SHOP,
      kind: i % 5 === 4 ? "credit_note" : "invoice",
      number: i % 5 === 4 ? `CN-2026-${String(i).padStart(5, "0")}` : `INV-2026-${String(i).padStart(5, "0")}`,
      sourceKey: `order:${i}`,
      orderId: `gid://shopify/Order/${1000 + i}`,
      orderName: `#${1000 + i}`,
      customerEmail: `buyer${i}@example.com`,
      customerName: i === 13 ? "Zoë Okonkwo-Smith" : `Buyer ${i}`,
      currency: "EUR",
      total: "10.00",
      test: i % 7 === 6,
      locale: "en",
      issuedAt: new Date(base + Math.floor(i / 2) * 3_600_000 * 10),
      snapshot: "{}",
    }));
    await database.prisma.invoice.createMany({ data: rows });
    await database.prisma.invoice.create({
      data: { ...rows[0]!, id: randomUUID(), shop: "other.myshopify.com", number: "INV-2026-99999" },
    });
    const sorted = [...rows].sort((a, b) => b.issuedAt.getTime() - a.issuedAt.getTime() || (b.id < a.id ? -1 : 1));
    ids.push(...sorted.map((r) => r.id));
  }, 60_000);

  type Filter = import("~/features/invoices/admin-list.server").InvoiceFilter;
  const none: Filter = { query: null, kind: null, status: null, from: null, to: null, orderId: null };

  it("pages forwards and backwards by cursor, newest first, every document once", async () => {
    const seen: string[] = [];
    const pages: { next: string | null; previous: string | null; ids: string[] }[] = [];
    let after: string | null = null;
    do {
      const page = await list.listInvoices({ shop: SHOP, filter: none, after, limit: 7 });
      pages.push({ next: page.next, previous: page.previous, ids: page.invoices.map((i) => i.id) });
      seen.push(...page.invoices.map((i) => i.id));
      after = page.next;
    } while (after);
    expect(seen).toEqual(ids);
    expect(pages.map((p) => p.ids.length)).toEqual([7, 7, 7, 7, 2]);
    expect(pages[0]!.previous).toBeNull();
    // backwards from the last page gives the same pages
    let before = pages[4]!.previous;
    for (let i = 3; i >= 0; i--) {
      const page = await list.listInvoices({ shop: SHOP, filter: none, before, limit: 7 });
      expect(page.invoices.map((d) => d.id)).toEqual(pages[i]!.ids);
      expect(Boolean(page.next)).toBe(true);
      before = page.previous;
    }
    expect(before).toBeNull();
    // a forged cursor is ignored (first page), never an error
    const forged = await list.listInvoices({ shop: SHOP, filter: none, after: "bm9wZQ", limit: 7 });
    expect(forged.invoices.map((d) => d.id)).toEqual(pages[0]!.ids);
  });

  it("searches by number, order name, email and name; filters by type and status; never another shop's", async () => {
    const find = async (filter: Partial<Filter>) =>
      (await list.listInvoices({ shop: SHOP, filter: { ...none, ...filter }, limit: 50 })).invoices.map(
        (d) => d.number,
      );
    expect(await find({ query: "INV-2026-00003" })).toEqual(["INV-2026-00003"]);
    expect(await find({ query: "inv-2026-0000" })).toHaveLength(8); // 0–9 without the credit notes 4, 9
    expect(await find({ query: "1012" })).toEqual(["INV-2026-00012"]);
    expect(await find({ query: "#1012" })).toEqual(["INV-2026-00012"]);
    expect(await find({ query: "BUYER21@example.com" })).toEqual(["INV-2026-00021"]);
    expect(await find({ query: "Okonkwo" })).toEqual(["INV-2026-00013"]);
    expect(await find({ query: "INV-2026-99999" })).toEqual([]);
    expect(await find({ kind: "credit_note" })).toHaveLength(6);
    expect(await find({ status: "test" })).toEqual([
      "INV-2026-00027",
      "INV-2026-00020",
      "INV-2026-00013",
      "INV-2026-00006",
    ]);
    expect(await find({ kind: "invoice", status: "live" })).toHaveLength(20); // 24 invoices, 4 of test orders
  });

  it("a broad number search (past what its index collects) pages through every match by the list index", async () => {
    const shop = "bulk.myshopify.com";
    await database.prisma.invoice.createMany({
      data: Array.from({ length: 520 }, (_, i) => ({
        id: randomUUID(),
        shop,
        kind: "invoice",
        number: `BULK-${String(i).padStart(4, "0")}`,
        sourceKey: `order:${i}`,
        orderId: `gid://shopify/Order/${i}`,
        orderName: `#${i}`,
        currency: "EUR",
        total: "1.00",
        locale: "en",
        issuedAt: new Date(base + i * 60_000),
        snapshot: "{}",
      })),
    });
    const filter = { ...none, query: "bulk-0" };
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page = await list.listInvoices({ shop, filter, after, limit: 100 });
      seen.push(...page.invoices.map((d) => d.number));
      after = page.next;
    } while (after);
    expect(seen).toHaveLength(520);
    expect(seen[0]).toBe("BULK-0519");
    expect(seen.at(-1)).toBe("BULK-0000");
    // a narrow one in the same shop: its own index, the same order
    const narrow = await list.listInvoices({ shop, filter: { ...none, query: "BULK-010" }, limit: 100 });
    expect(narrow.invoices.map((d) => d.number)).toEqual(Array.from({ length: 10 }, (_, i) => `BULK-010${9 - i}`));
  });

  it("the date range is the shop's days", () => {
    // Tokyo is UTC+9: its 2026-03-10 starts at 15:00 UTC the day before
    expect(list.dayStart("2026-03-10", "Asia/Tokyo")!.toISOString()).toBe("2026-03-09T15:00:00.000Z");
    // New York switches to summer time on 2026-03-08
    expect(list.dayStart("2026-03-08", "America/New_York")!.toISOString()).toBe("2026-03-08T05:00:00.000Z");
    expect(list.dayStart("2026-03-09", "America/New_York")!.toISOString()).toBe("2026-03-09T04:00:00.000Z");
    expect(list.dayStart("2026-02-30", "UTC")).toBeNull();
    expect(list.dayStart("yesterday", "UTC")).toBeNull();
    const filter = list.filterFromUrl(new URL("https://x.test/?from=2026-03-10&to=2026-03-10&kind=x&order=1"), "UTC");
    expect(filter).toEqual({
      query: null,
      kind: null,
      status: null,
      from: new Date("2026-03-10T00:00:00Z"),
      to: new Date("2026-03-11T00:00:00Z"),
      orderId: null,
    });
  });

  it("counts downloads over the last days for the Home card", async () => {
    await store.recordDownload({ shop: SHOP, source: "zip", documents: 12 });
    await store.recordDownload({ shop: SHOP, source: "admin" });
    await store.recordDownload({ shop: "other.myshopify.com", source: "admin" });
    await database.prisma.invoiceDownload.create({
      data: { shop: SHOP, source: "shopper", at: new Date(Date.now() - 8 * 86_400_000) },
    });
    expect(await store.downloadsSince({ shop: SHOP, days: 7 })).toBe(13);
  });
});
