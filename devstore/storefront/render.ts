// The storefront preview: theme app extension blocks (extensions/*/blocks/*.liquid) rendered
// with a real Liquid engine and the Shopify objects, tags and filters the blocks use, inside
// a plain theme layout. Unknown filters are errors, as Theme Check would flag them.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Drop, Liquid } from "liquidjs";
import { resolveNamespace } from "../data/metafields";
import type { Customer, Metafield, Order, Product, Shop } from "../data/types";
import { esc } from "../platform";

export const STOREFRONT_LOCALES = ["en", "de", "fr", "es", "ja"] as const;
const LANGUAGE_NAMES: Record<string, string> = {
  en: "English",
  de: "Deutsch",
  fr: "Français",
  es: "Español",
  ja: "日本語",
};

type Messages = { [key: string]: string | Messages };

export interface ThemeBlock {
  extension: string;
  name: string;
  source: string;
  schema: {
    name?: string;
    javascript?: string;
    stylesheet?: string;
    settings?: { id?: string; type: string; default?: unknown }[];
    enabled_on?: { templates?: string[] };
  };
}

interface Extension {
  name: string;
  dir: string;
  locales: Map<string, Messages>;
  defaultLocale: string;
  engine: Liquid;
}

export interface PageContext {
  shop: Shop;
  customer: Customer | null;
  locale: string;
  path: string;
  pageType: "index" | "product" | "page" | "customers/account" | "customers/order" | "app_proxy";
  product?: Product | null;
  /** The signed-in customer's orders (legacy accounts' `customer.orders`), newest first. */
  orders?: Order[];
  /** The order of the customers/order template. */
  order?: Order | null;
  origin: string;
  /** The app whose blocks render (its API key): what `$app` namespaces resolve to. */
  appId: string;
}

/** A metafield in Liquid: `.value` typed as its type says, `.type`; output alone, its value. */
export class MetafieldDrop extends Drop {
  readonly value: unknown;
  readonly type: string;
  readonly list: boolean;
  constructor(metafield: Metafield) {
    super();
    this.type = metafield.type;
    this.list = metafield.type.startsWith("list.");
    this.value = liquidValue(metafield);
  }
  override valueOf() {
    return this.value;
  }
}

function liquidValue({ type, value }: Metafield): unknown {
  const list = type.startsWith("list.");
  switch (type.replace(/^list\./, "")) {
    case "number_integer":
    case "number_decimal":
      return list ? (JSON.parse(value) as unknown[]).map(Number) : Number(value);
    case "boolean":
      return value === "true";
    case "json":
      return JSON.parse(value) as unknown;
    case "rating": {
      // Liquid's rating object: rating, scale_min, scale_max.
      const toRating = (r: { value: string; scale_min: string; scale_max: string }) => ({
        rating: Number(r.value),
        scale_min: Number(r.scale_min),
        scale_max: Number(r.scale_max),
      });
      const parsed = JSON.parse(value) as Parameters<typeof toRating>[0] | Parameters<typeof toRating>[0][];
      return Array.isArray(parsed) ? parsed.map(toRating) : toRating(parsed);
    }
    default:
      return list ? (JSON.parse(value) as unknown) : value;
  }
}

/**
 * `{owner}.metafields`: namespaces by name (`$app` and `$app:ns` resolve to the app's own),
 * each an object of its metafields by key.
 */
export class MetafieldsDrop extends Drop {
  constructor(
    private readonly metafields: Metafield[],
    private readonly appId: string,
  ) {
    super();
  }
  override liquidMethodMissing(namespace: unknown) {
    const resolved = resolveNamespace(String(namespace), this.appId);
    const found = this.metafields.filter((m) => m.namespace === resolved);
    return found.length ? Object.fromEntries(found.map((m) => [m.key, new MetafieldDrop(m)])) : undefined;
  }
}

const SCHEMA = /{%-?\s*schema\s*-?%}([\s\S]*?){%-?\s*endschema\s*-?%}/;

function lookup(messages: Messages | undefined, key: string): string | Messages | undefined {
  let node: string | Messages | undefined = messages;
  for (const part of key.split(".")) {
    if (node === undefined || typeof node === "string") return undefined;
    node = node[part];
  }
  return node;
}

export function money(cents: unknown, currency: string, withCurrency = false): string {
  const amount = Number(cents) / 100;
  const formatted = new Intl.NumberFormat("en-US", { style: "currency", currency }).format(amount);
  return withCurrency ? `${formatted} ${currency}` : formatted;
}

function registerFilters(engine: Liquid, extension: Extension | null) {
  engine.registerFilter(
    "t",
    function (this: { context: { getSync(path: string[]): unknown } }, key: unknown, ...args: unknown[]) {
      if (!extension) throw new Error("The t filter needs a theme app extension's locales");
      const locale = String(this.context.getSync(["request", "locale", "iso_code"]) ?? extension.defaultLocale);
      const vars: Record<string, unknown> = {};
      for (const arg of args) if (Array.isArray(arg)) vars[String(arg[0])] = arg[1];
      let entry =
        lookup(extension.locales.get(locale), String(key)) ??
        lookup(extension.locales.get(extension.defaultLocale), String(key));
      if (entry && typeof entry !== "string" && typeof vars.count === "number") {
        entry = entry[new Intl.PluralRules(locale).select(vars.count)] ?? entry.other;
      }
      if (typeof entry !== "string") return `translation missing: ${locale}.${String(key)}`;
      return entry.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(vars[name] ?? ""));
    },
  );
  engine.registerFilter("asset_url", (name: unknown) => `/extensions/${extension?.name ?? "_"}/assets/${String(name)}`);
  engine.registerFilter("money", function (this: { context: { getSync(path: string[]): unknown } }, cents: unknown) {
    return money(cents, String(this.context.getSync(["shop", "currency"]) ?? "USD"));
  });
  engine.registerFilter(
    "money_with_currency",
    function (this: { context: { getSync(path: string[]): unknown } }, cents: unknown) {
      return money(cents, String(this.context.getSync(["shop", "currency"]) ?? "USD"), true);
    },
  );
  const imageUrl = (image: unknown) =>
    image && typeof image === "object" && "src" in image
      ? String((image as { src: unknown }).src)
      : String(image ?? "");
  engine.registerFilter("image_url", imageUrl);
  engine.registerFilter("img_url", imageUrl);
  engine.registerFilter("image_tag", (src: unknown, ...args: unknown[]) => {
    const alt = args.find((a) => Array.isArray(a) && a[0] === "alt") as [string, unknown] | undefined;
    return `<img src="${String(src)}" alt="${String(alt?.[1] ?? "")}" loading="lazy">`;
  });
  engine.registerFilter(
    "stylesheet_tag",
    (url: unknown) => `<link rel="stylesheet" href="${String(url)}" media="all">`,
  );
  engine.registerFilter("script_tag", (url: unknown) => `<script src="${String(url)}" defer></script>`);
}

export class Storefront {
  readonly extensions: Extension[] = [];
  readonly blocks: ThemeBlock[] = [];
  private readonly engine = new Liquid({ strictFilters: true, ownPropertyOnly: true });

  constructor(readonly root: string) {
    registerFilters(this.engine, null);
    if (!existsSync(root)) return;
    for (const name of readdirSync(root).sort()) {
      const dir = path.join(root, name);
      if (!existsSync(path.join(dir, "blocks"))) continue;
      const locales = new Map<string, Messages>();
      let defaultLocale = "en";
      const localeDir = path.join(dir, "locales");
      for (const file of existsSync(localeDir) ? readdirSync(localeDir) : []) {
        const match = /^([a-z]{2}(?:-[A-Z]{2})?)(\.default)?\.json$/.exec(file);
        if (!match) continue;
        locales.set(match[1]!, JSON.parse(readFileSync(path.join(localeDir, file), "utf8")) as Messages);
        if (match[2]) defaultLocale = match[1]!;
      }
      const engine = new Liquid({
        root: [path.join(dir, "snippets")],
        extname: ".liquid",
        strictFilters: true,
        ownPropertyOnly: true,
      });
      const extension: Extension = { name, dir, locales, defaultLocale, engine };
      registerFilters(engine, extension);
      this.extensions.push(extension);
      for (const file of readdirSync(path.join(dir, "blocks"))
        .filter((f) => f.endsWith(".liquid"))
        .sort()) {
        const source = readFileSync(path.join(dir, "blocks", file), "utf8");
        const schemaText = SCHEMA.exec(source)?.[1];
        this.blocks.push({
          extension: name,
          name: file.replace(/\.liquid$/, ""),
          source: source.replace(SCHEMA, ""),
          schema: schemaText ? (JSON.parse(schemaText) as ThemeBlock["schema"]) : {},
        });
      }
    }
  }

  /** Shopify's Liquid objects for a page. */
  liquidObjects(page: PageContext, block?: ThemeBlock, blockIndex = 0) {
    const { shop, customer, locale } = page;
    const rootUrl = locale === "en" ? "/" : `/${locale}`;
    return {
      shop: {
        name: shop.name,
        email: shop.contactEmail,
        currency: shop.currencyCode,
        domain: shop.primaryDomain.host,
        permanent_domain: shop.myshopifyDomain,
        url: page.origin,
        locale,
        metafields: new MetafieldsDrop(shop.metafields, page.appId),
      },
      customer: customer
        ? {
            id: Number(customer.id.split("/").pop()),
            email: customer.email,
            first_name: customer.firstName,
            last_name: customer.lastName,
            name: customer.displayName,
            metafields: new MetafieldsDrop(customer.metafields, page.appId),
            orders: (page.orders ?? []).map((o) => liquidOrder(o, rootUrl)),
            orders_count: page.orders?.length ?? 0,
          }
        : null,
      order: page.order ? liquidOrder(page.order, rootUrl) : null,
      product: page.product
        ? {
            id: Number(page.product.id.split("/").pop()),
            handle: page.product.handle,
            url: `${rootUrl === "/" ? "" : rootUrl}/products/${page.product.handle}`,
            title: page.product.title,
            price: Math.round(Number(page.product.variants[0]?.price ?? 0) * 100),
            featured_image: page.product.images[0]
              ? { src: `${page.origin}${page.product.images[0].url}`, alt: page.product.images[0].altText }
              : null,
            metafields: new MetafieldsDrop(page.product.metafields, page.appId),
          }
        : null,
      request: {
        locale: { iso_code: locale, name: LANGUAGE_NAMES[locale], primary: locale === "en", root_url: rootUrl },
        path: page.path,
        page_type: page.pageType,
        host: new URL(page.origin).host,
        design_mode: false,
      },
      localization: {
        available_languages: STOREFRONT_LOCALES.map((l) => ({ iso_code: l, endonym_name: LANGUAGE_NAMES[l] })),
      },
      routes: { root_url: rootUrl, account_url: "/account", account_login_url: "/account/login", cart_url: "/cart" },
      block: block
        ? {
            id: `AbCdEf${blockIndex}`,
            type: `shopify://apps/care-desk/blocks/${block.name}`,
            settings: Object.fromEntries(
              (block.schema.settings ?? [])
                .filter((s) => s.id)
                .map((s) => [s.id!, s.default ?? (s.type === "checkbox" ? false : null)]),
            ),
            shopify_attributes: "",
          }
        : null,
    };
  }

  blocksFor(pageType: PageContext["pageType"]): ThemeBlock[] {
    return this.blocks.filter(
      (b) => !b.schema.enabled_on?.templates || b.schema.enabled_on.templates.some((t) => pageType.startsWith(t)),
    );
  }

  async renderBlock(block: ThemeBlock, page: PageContext, index = 0): Promise<string> {
    const extension = this.extensions.find((e) => e.name === block.extension)!;
    return extension.engine.parseAndRender(block.source, this.liquidObjects(page, block, index));
  }

  /** Liquid returned by the app through the app proxy (already rendered HTML mostly). */
  async renderLiquid(source: string, page: PageContext): Promise<string> {
    return this.engine.parseAndRender(source, this.liquidObjects(page));
  }

  /** Stylesheets and deferred scripts the blocks on a page declare in their schema. */
  blockAssets(blocks: ThemeBlock[]): string {
    const tags = new Set<string>();
    for (const block of blocks) {
      if (block.schema.stylesheet)
        tags.add(`<link rel="stylesheet" href="/extensions/${block.extension}/assets/${block.schema.stylesheet}">`);
      if (block.schema.javascript)
        tags.add(`<script src="/extensions/${block.extension}/assets/${block.schema.javascript}" defer></script>`);
    }
    return [...tags].join("\n");
  }

  assetPath(extension: string, file: string): string | null {
    const ext = this.extensions.find((e) => e.name === extension);
    if (!ext || !/^[\w.-]+$/.test(file)) return null;
    const full = path.join(ext.dir, "assets", file);
    return existsSync(full) ? full : null;
  }
}

const cents = (amount: string) => Math.round(Number(amount) * 100);

/**
 * Liquid's `order` object (legacy customer accounts) from a stored order: lowercase statuses as
 * Liquid prints them, money in cents, each line item's fulfillment with its tracking.
 */
export function liquidOrder(order: Order, rootUrl = "/") {
  const fulfillmentOf = (lineItemId: string) =>
    order.fulfillments.find((f) => f.status !== "CANCELLED" && f.lineItemIds.includes(lineItemId));
  const fulfillment = order.displayFulfillmentStatus.toLowerCase();
  return {
    id: Number(order.id.split("/").pop()),
    name: order.name,
    order_number: order.number,
    created_at: order.processedAt,
    cancelled: order.cancelledAt !== null,
    cancelled_at: order.cancelledAt,
    financial_status: order.displayFinancialStatus.toLowerCase(),
    fulfillment_status: fulfillment === "partially_fulfilled" ? "partial" : fulfillment,
    currency: order.presentmentCurrencyCode,
    total_price: cents(order.currentTotalPriceSet.presentmentMoney.amount),
    customer_url: `${rootUrl === "/" ? "" : rootUrl}/account/orders/${order.id.split("/").pop()}`,
    line_items: order.lineItems.map((line) => {
      const f = fulfillmentOf(line.id);
      const tracking = f?.trackingInfo[0];
      return {
        title: line.title,
        quantity: line.quantity,
        fulfillment: f
          ? {
              created_at: f.createdAt,
              tracking_company: tracking?.company ?? null,
              tracking_number: tracking?.number ?? null,
              tracking_numbers: f.trackingInfo.map((t) => t.number),
              tracking_url: tracking?.url ?? null,
            }
          : null,
      };
    }),
  };
}

/** A minimal theme layout: header with the shop, language and account; content; footer. */
export function layout({
  page,
  title,
  content,
  head = "",
}: {
  page: PageContext;
  title: string;
  content: string;
  head?: string;
}): string {
  const prefix = (locale: string) => (locale === "en" ? "" : `/${locale}`);
  const bare = page.path.replace(/^\/(de|fr|es|ja)(?=\/|$)/, "") || "/";
  const languages = STOREFRONT_LOCALES.map(
    (l) =>
      `<a href="${prefix(l)}${bare}" hreflang="${l}" lang="${l}"${l === page.locale ? ' aria-current="true"' : ""}>${LANGUAGE_NAMES[l]}</a>`,
  ).join(" ");
  const account = page.customer
    ? `<span>${esc(page.customer.displayName)}</span> <a href="/account/logout">Sign out</a>`
    : `<a href="/account/login">Sign in</a>`;
  return `<!doctype html>
<html lang="${page.locale}">
<head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)} – ${esc(page.shop.name)}</title>
<style>
  body { margin: 0; font: 16px/1.5 Georgia, serif; color: #2b2b2b; background: #fbf8f3; }
  .site-header, .site-footer { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; justify-content: space-between; padding: 1rem 2rem; background: #2f4a3a; color: #fbf8f3; }
  .site-header a, .site-footer a { color: #fbf8f3; }
  .site-header nav a { margin-right: 1rem; }
  main { max-width: 60rem; margin: 0 auto; padding: 2rem 1rem; }
  .button { background: #2f4a3a; color: #fff; border: 0; border-radius: 4px; }
  .button--secondary { background: transparent; color: #2f4a3a; border: 1px solid #2f4a3a; }
  a { color: #2f4a3a; }
</style>
${head}
</head>
<body>
<a href="#MainContent" class="skip">Skip to content</a>
<header class="site-header">
  <a href="${prefix(page.locale) || "/"}"><strong>${esc(page.shop.name)}</strong></a>
  <nav aria-label="Main"><a href="${prefix(page.locale)}/pages/order-status">Order status</a><a href="${prefix(page.locale)}/pages/contact">Contact</a><a href="${prefix(page.locale)}/account">Account</a></nav>
  <div>${account}</div>
  <nav aria-label="Language">${languages}</nav>
</header>
<main id="MainContent">
${content}
</main>
<footer class="site-footer"><span>Local dev store storefront preview</span><a href="/admin">Admin</a></footer>
</body>
</html>`;
}
