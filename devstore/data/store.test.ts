// store.json carries a data version: older data is migrated, data no migration reaches is
// rebuilt from the seed (the old file kept), and either is said on the console.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { seedShopData } from "./seed";
import { DATA_VERSION, DevStore } from "./store";

const now = new Date("2026-11-22T00:00:00Z");
const open = (dir: string) => {
  const messages: string[] = [];
  const store = DevStore.open({ dir, seed: { now }, log: (m) => messages.push(m) });
  return { store, messages };
};
const saved = (dir: string) =>
  JSON.parse(readFileSync(path.join(dir, "store.json"), "utf8")) as { version?: number; shops: unknown[] };

/** What an unversioned (version 1) dev store wrote: no metafields on customers and orders, no refund transaction links. */
function versionOneData() {
  const data = seedShopData({ now });
  for (const customer of data.customers) delete (customer as Partial<typeof customer>).metafields;
  for (const order of data.orders) {
    delete (order as Partial<typeof order>).metafields;
    for (const refund of order.refunds) {
      delete (refund as Partial<typeof refund>).transactionIds;
      delete (refund as Partial<typeof refund>).refundShippingLines;
      for (const item of refund.refundLineItems) {
        delete (item as Partial<typeof item>).id;
        delete (item as Partial<typeof item>).priceSet;
        delete (item as Partial<typeof item>).totalTaxSet;
      }
    }
    delete (order as Partial<typeof order>).customerLocale;
    delete (order as Partial<typeof order>).purchasingCompany;
    for (const line of order.shippingLines) delete (line as Partial<typeof line>).taxLines;
  }
  return data;
}

describe("versioned store data", () => {
  it("writes the data version with a fresh store and reads it back silently", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "devstore-data-"));
    expect(open(dir).messages).toEqual([]);
    expect(saved(dir).version).toBe(DATA_VERSION);
    const again = open(dir);
    expect(again.messages).toEqual([]);
    expect(again.store.defaultShop.data.orders).toHaveLength(500);
  });

  it("migrates an unversioned store, keeping its changes, and says so", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "devstore-data-"));
    const data = versionOneData();
    data.shop.name = "Renamed by the merchant";
    writeFileSync(path.join(dir, "store.json"), JSON.stringify({ shops: [data] }));

    const { store, messages } = open(dir);
    expect(messages).toEqual([expect.stringMatching(/migrated the store data from version 1 to 3/)]);
    const shop = store.defaultShop;
    expect(shop.shop.name).toBe("Renamed by the merchant");
    expect(shop.data.customers.every((c) => Array.isArray(c.metafields))).toBe(true);
    const refunded = shop.data.orders.filter((o) => o.refunds.length > 0);
    expect(refunded.length).toBeGreaterThan(0);
    for (const order of refunded) {
      const [refund] = order.refunds;
      const [transactionId] = refund!.transactionIds;
      expect(order.transactions.find((t) => t.id === transactionId)).toMatchObject({ kind: "REFUND" });
      expect(refund!.refundLineItems.every((item) => item.id.startsWith("gid://shopify/RefundLineItem/"))).toBe(true);
      expect(refund!.refundLineItems.every((item) => item.priceSet && item.totalTaxSet)).toBe(true);
      expect(refund!.refundShippingLines).toEqual([]);
    }
    expect(shop.data.orders.every((o) => o.shippingLines.every((l) => Array.isArray(l.taxLines)))).toBe(true);
    expect(shop.data.orders.filter((o) => o.customerId).every((o) => o.customerLocale)).toBe(true);
    expect(shop.data.orders.some((o) => o.purchasingCompany)).toBe(true);
    expect(saved(dir).version).toBe(DATA_VERSION);
    expect(open(dir).messages).toEqual([]);
  });

  it("rebuilds data it cannot read from the seed, keeps the old file and says so", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "devstore-data-"));
    writeFileSync(path.join(dir, "store.json"), JSON.stringify({ version: DATA_VERSION + 1, shops: [] }));
    const { store, messages } = open(dir);
    expect(messages).toEqual([
      expect.stringMatching(`holds data version ${DATA_VERSION + 1}; this dev store reads version ${DATA_VERSION}`),
      expect.stringMatching(/Rebuilt the dev store data from the seed; the old file is kept as .*store\.json\.bak/),
    ]);
    expect(store.defaultShop.data.orders).toHaveLength(500);
    expect(existsSync(path.join(dir, "store.json.bak"))).toBe(true);
    expect(saved(dir).version).toBe(DATA_VERSION);
  });
});
