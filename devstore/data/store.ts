// The dev store's data: one or more shops with indexes for the lookups the Admin API
// serves often. Persisted as JSON in the data dir, so a second `npm run dev` reuses it.
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { bag, purchasingCompanyOf, seededRefundLineItemId, seedShopData, type SeedOptions } from "./seed";
import type { Customer, Order, Product, Refund, Shop, ShopData } from "./types";

/**
 * The shape of store.json. Bump it with every change to the records, and add the migration
 * from the previous version below; a file no migration reaches is rebuilt from the seed.
 */
export const DATA_VERSION = 3;

/** MIGRATIONS[n] turns version n data into version n + 1 (in place). */
const MIGRATIONS: Record<number, (data: ShopData) => void> = {
  // 1 (unversioned) → 2: customers and orders hold metafields; refunds name their
  // transactions; refund line items have IDs.
  1: (data) => {
    for (const customer of data.customers) customer.metafields ??= [];
    for (const order of data.orders) {
      order.metafields ??= [];
      for (const refund of order.refunds) {
        refund.transactionIds ??= order.transactions
          .filter((t) => t.kind === "REFUND" && t.createdAt === refund.createdAt)
          .map((t) => t.id);
        for (const item of refund.refundLineItems) item.id ??= seededRefundLineItemId(item.lineItemId);
      }
    }
  },
  // 2 → 3: refund line items carry their unit price and tax, refunds their shipping lines;
  // shipping lines have tax lines (none in older data: it was untaxed); orders carry the
  // customer's locale and, for some, a B2B purchasing company.
  2: (data) => {
    const customers = new Map(data.customers.map((c) => [c.id, c]));
    for (const order of data.orders) {
      const currency = order.presentmentCurrencyCode;
      for (const line of order.shippingLines) line.taxLines ??= [];
      const customer = order.customerId ? customers.get(order.customerId) : undefined;
      order.customerLocale ??= customer?.locale ?? null;
      order.purchasingCompany ??= customer
        ? purchasingCompanyOf(order.number, order.billingAddress?.countryCodeV2 ?? "")
        : null;
      for (const refund of order.refunds) {
        refund.refundShippingLines ??= [];
        for (const item of refund.refundLineItems) {
          const line = order.lineItems.find((l) => l.id === item.lineItemId);
          const share = line ? item.quantity / line.quantity : 0;
          item.priceSet ??= line?.discountedUnitPriceSet ?? bag(0, currency);
          item.totalTaxSet ??= bag(
            (line?.taxLines ?? []).reduce((sum, t) => sum + Number(t.priceSet.presentmentMoney.amount), 0) * share,
            currency,
          );
        }
      }
    }
  },
};

interface SavedStore {
  version?: number;
  shops: ShopData[];
}

/** The saved shops at DATA_VERSION, migrated if need be; null when they cannot be read or migrated. */
function readSaved(file: string, log: (message: string) => void): { shops: ShopData[]; migrated: boolean } | null {
  let saved: SavedStore;
  try {
    saved = JSON.parse(readFileSync(file, "utf8")) as SavedStore;
  } catch (error) {
    log(`[devstore] ${file} is not readable (${(error as Error).message}).`);
    return null;
  }
  const version = saved.version ?? 1;
  if (version === DATA_VERSION) return { shops: saved.shops, migrated: false };
  if (version > DATA_VERSION || !Array.isArray(saved.shops)) {
    log(`[devstore] ${file} holds data version ${version}; this dev store reads version ${DATA_VERSION}.`);
    return null;
  }
  for (let v = version; v < DATA_VERSION; v++) {
    const migrate = MIGRATIONS[v];
    if (!migrate) {
      log(`[devstore] ${file} holds data version ${version}, which cannot be migrated to ${DATA_VERSION}.`);
      return null;
    }
    for (const shop of saved.shops) migrate(shop);
  }
  log(`[devstore] ${file}: migrated the store data from version ${version} to ${DATA_VERSION}.`);
  return { shops: saved.shops, migrated: true };
}

export class ShopStore {
  readonly ordersById = new Map<string, Order>();
  readonly ordersByName = new Map<string, Order>();
  readonly ordersByEmail = new Map<string, Order[]>();
  readonly customersById = new Map<string, Customer>();
  readonly productsById = new Map<string, Product>();
  /** The order a fulfillment or refund belongs to (they hold no link back). */
  readonly orderOf = new Map<object, Order>();
  readonly refundsById = new Map<string, Refund>();

  constructor(readonly data: ShopData) {
    for (const order of data.orders) this.indexOrder(order);
    for (const customer of data.customers) this.customersById.set(customer.id, customer);
    for (const product of data.products) this.productsById.set(product.id, product);
  }

  get shop(): Shop {
    return this.data.shop;
  }

  private indexOrder(order: Order) {
    this.ordersById.set(order.id, order);
    for (const child of [...order.fulfillments, ...order.refunds]) this.orderOf.set(child, order);
    for (const refund of order.refunds) this.refundsById.set(refund.id, refund);
    this.ordersByName.set(order.name.toUpperCase(), order);
    if (order.email) {
      const key = order.email.toLowerCase();
      const list = this.ordersByEmail.get(key) ?? [];
      list.push(order);
      this.ordersByEmail.set(key, list);
    }
  }

  findCustomerByEmail(email: string): Customer | undefined {
    const key = email.trim().toLowerCase();
    return this.data.customers.find((c) => c.email?.toLowerCase() === key);
  }

  productByHandle(handle: string): Product | undefined {
    return this.data.products.find((p) => p.handle === handle);
  }

  /** Any record with this global ID. */
  node(id: string): Order | Customer | Product | Shop | Refund | undefined {
    return (
      this.ordersById.get(id) ??
      this.refundsById.get(id) ??
      this.customersById.get(id) ??
      this.productsById.get(id) ??
      (id === this.shop.id ? this.shop : undefined)
    );
  }
}

export class DevStore {
  private readonly shops = new Map<string, ShopStore>();
  private saveTimer: NodeJS.Timeout | undefined;

  private constructor(private readonly file: string | undefined) {}

  /**
   * Opens the store in `dir` (seeding a demo shop the first time), or in memory without a dir.
   * Data of an older version is migrated; data that cannot be migrated is set aside
   * (store.json.bak) and the shop seeded afresh, saying so.
   */
  static open({
    dir,
    seed,
    log = (message) => console.warn(message),
  }: { dir?: string; seed?: SeedOptions; log?: (message: string) => void } = {}): DevStore {
    const file = dir ? path.join(dir, "store.json") : undefined;
    const store = new DevStore(file);
    const saved = file && existsSync(file) ? readSaved(file, log) : null;
    if (saved) {
      for (const data of saved.shops) store.addShop(data);
    } else {
      if (file && existsSync(file)) {
        copyFileSync(file, `${file}.bak`);
        log(`[devstore] Rebuilt the dev store data from the seed; the old file is kept as ${file}.bak.`);
      }
      store.addShop(seedShopData(seed));
    }
    if (!saved || saved.migrated) store.saveNow();
    return store;
  }

  addShop(data: ShopData): ShopStore {
    const shop = new ShopStore(data);
    this.shops.set(data.shop.myshopifyDomain, shop);
    return shop;
  }

  getShop(domain: string): ShopStore | undefined {
    return this.shops.get(domain);
  }

  listShops(): ShopStore[] {
    return [...this.shops.values()];
  }

  /** The first shop: the demo shop of `npm run dev`. */
  get defaultShop(): ShopStore {
    const first = this.shops.values().next().value;
    if (!first) throw new Error("The dev store has no shop");
    return first;
  }

  /** Persist soon (mutations call this). */
  changed(): void {
    if (!this.file || this.saveTimer) return;
    this.saveTimer = setTimeout(() => this.saveNow(), 200);
    this.saveTimer.unref();
  }

  saveNow(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    if (!this.file) return;
    mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    const saved: SavedStore = { version: DATA_VERSION, shops: this.listShops().map((s) => s.data) };
    writeFileSync(tmp, JSON.stringify(saved));
    renameSync(tmp, this.file);
  }
}
