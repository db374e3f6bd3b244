// The dev store's data: one or more shops with indexes for the lookups the Admin API
// serves often. Persisted as JSON in the data dir, so a second `npm run dev` reuses it.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { seedShopData, type SeedOptions } from "./seed";
import type { Customer, Order, Product, Shop, ShopData } from "./types";

export class ShopStore {
  readonly ordersById = new Map<string, Order>();
  readonly ordersByName = new Map<string, Order>();
  readonly ordersByEmail = new Map<string, Order[]>();
  readonly customersById = new Map<string, Customer>();
  readonly productsById = new Map<string, Product>();
  /** The order a fulfillment or refund belongs to (they hold no link back). */
  readonly orderOf = new Map<object, Order>();

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
  node(id: string): Order | Customer | Product | Shop | undefined {
    return (
      this.ordersById.get(id) ??
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

  /** Opens the store in `dir` (seeding a demo shop the first time), or in memory without a dir. */
  static open({ dir, seed }: { dir?: string; seed?: SeedOptions } = {}): DevStore {
    const file = dir ? path.join(dir, "store.json") : undefined;
    const store = new DevStore(file);
    if (file && existsSync(file)) {
      const saved = JSON.parse(readFileSync(file, "utf8")) as { shops: ShopData[] };
      for (const data of saved.shops) store.addShop(data);
    } else {
      store.addShop(seedShopData(seed));
      store.saveNow();
    }
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
    writeFileSync(tmp, JSON.stringify({ shops: this.listShops().map((s) => s.data) }));
    renameSync(tmp, this.file);
  }
}
