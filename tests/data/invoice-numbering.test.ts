// Invoice numbers under concurrency, on both databases: 50 simultaneous issues give 50
// consecutive numbers; on PostgreSQL from two Prisma clients, as two app instances would.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASE_KINDS } from "../setup/db";
import { useTestDatabase } from "../support/app";

describe.each(DATABASE_KINDS)("invoice numbering on %s", (kind) => {
  const database = useTestDatabase(kind);
  let store: typeof import("~/features/invoices/store.server");
  let second: import("~/db.server").Database;

  beforeAll(async () => {
    store = await import("~/features/invoices/store.server");
    // A second instance: its own client (its own connection pool) on the same database.
    second = kind === "postgresql" ? (await import("~/db.server")).createPrismaClient(database.url) : database.prisma;
  }, 60_000);

  afterAll(async () => {
    if (second !== database.prisma) await second?.$disconnect();
  });

  const format = { prefix: "INV-", includeYear: true, yearlyReset: true, padding: 5, startNumber: 1 };
  const doc = (shop: string, source: string, year = 2026) => ({
    shop,
    kind: "invoice" as const,
    sourceKey: `order:${source}`,
    orderId: source,
    orderName: `#${source}`,
    currency: "EUR",
    total: "10.00",
    test: false,
    locale: "en",
    issuedAt: new Date(`${year}-06-01T10:00:00Z`),
    year,
    snapshot: (number: string) => ({ number }),
  });

  it("gives 50 simultaneous issues 50 consecutive, unique numbers", async () => {
    // GIVEN a shop with no invoices, WHEN 50 orders are invoiced at once (from two instances)
    const shop = "concurrent.myshopify.com";
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        store.issueDocument(doc(shop, `o${i}`), format, i % 2 === 0 ? database.prisma : second),
      ),
    );
    // THEN the numbers are exactly 1…50, each once, and each snapshot carries its number
    const numbers = results.map((r) => r.document.number).sort();
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => `INV-2026-${String(i + 1).padStart(5, "0")}`));
    for (const { document } of results) expect(JSON.parse(document.snapshot)).toEqual({ number: document.number });
  });

  it("issues one invoice per order, even when the same order is issued concurrently", async () => {
    const shop = "idempotent.myshopify.com";
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        store.issueDocument(doc(shop, "same"), format, i % 2 ? second : database.prisma),
      ),
    );
    expect(new Set(results.map((r) => r.document.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    // the losers' numbers were rolled back: the next order gets number 2
    const next = await store.issueDocument(doc(shop, "other"), format);
    expect(next.document.number).toBe("INV-2026-00002");
  });

  it("starts at the starting number, resets yearly, and keeps shops and series apart", async () => {
    const shop = "migrated.myshopify.com";
    const started = { ...format, startNumber: 1200 };
    expect((await store.issueDocument(doc(shop, "a", 2026), started)).document.number).toBe("INV-2026-01200");
    expect((await store.issueDocument(doc(shop, "b", 2026), started)).document.number).toBe("INV-2026-01201");
    // a new year starts again at 1 (the starting number is for the shop's first sequence)
    expect((await store.issueDocument(doc(shop, "c", 2027), started)).document.number).toBe("INV-2027-00001");
    // without a yearly reset the sequence goes on across years
    const running = { ...format, yearlyReset: false, includeYear: false, prefix: "R" };
    const other = "running.myshopify.com";
    expect((await store.issueDocument(doc(other, "a", 2026), running)).document.number).toBe("R00001");
    expect((await store.issueDocument(doc(other, "b", 2027), running)).document.number).toBe("R00002");
    // credit notes have their own series
    const credit = await store.issueDocument(
      { ...doc(other, "r1", 2027), kind: "credit_note", sourceKey: "refund:r1" },
      { ...running, prefix: "CN" },
    );
    expect(credit.document.number).toBe("CN00001");
  });
});
