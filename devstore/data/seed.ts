// A reproducible demo shop: the same seed and reference date always give the same data.
// "Maple & Fern Goods" sells home and kitchen goods to customers in seven countries.
import type {
  Address,
  Customer,
  Fulfillment,
  LineItem,
  MoneyBag,
  Order,
  Product,
  PurchasingCompany,
  RefundLineItem,
  Shop,
  ShopData,
  TaxLine,
} from "./types";

export interface SeedOptions {
  seed?: number;
  /** Orders are spread over the 18 months before this date (default: today, 00:00 UTC). */
  now?: Date;
  orders?: number;
  products?: number;
  customers?: number;
  domain?: string;
}

/** mulberry32: tiny, fast, good enough for demo data. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}

const SHOP_CURRENCY = "USD";
/** Units of the presentment currency per USD. */
const RATES: Record<string, number> = { USD: 1, EUR: 0.92, GBP: 0.79, JPY: 151, CAD: 1.37 };
const ZERO_DECIMAL = new Set(["JPY"]);

interface Market {
  country: string;
  code: string;
  currency: string;
  /** VAT included in prices (EU, UK, JP) or sales tax added (US, CA). */
  taxIncluded: boolean;
  taxRate: number;
  taxTitle: string;
  phonePrefix: string;
  cities: [city: string, province: string | null, provinceCode: string | null, zip: string][];
  carriers: [name: string, url: string][];
  locale: string;
}

const MARKETS: Market[] = [
  {
    country: "United States",
    code: "US",
    currency: "USD",
    taxIncluded: false,
    taxRate: 0.0825,
    taxTitle: "State Tax",
    phonePrefix: "+1415555",
    locale: "en",
    cities: [
      ["San Francisco", "California", "CA", "94110"],
      ["Austin", "Texas", "TX", "78701"],
      ["Portland", "Oregon", "OR", "97205"],
      ["Brooklyn", "New York", "NY", "11201"],
    ],
    carriers: [
      ["UPS", "https://www.ups.com/track?tracknum="],
      ["USPS", "https://tools.usps.com/go/TrackConfirmAction?tLabels="],
    ],
  },
  {
    country: "Canada",
    code: "CA",
    currency: "CAD",
    taxIncluded: false,
    taxRate: 0.05,
    taxTitle: "GST",
    phonePrefix: "+1604555",
    locale: "en",
    cities: [
      ["Vancouver", "British Columbia", "BC", "V6B 1A1"],
      ["Montréal", "Quebec", "QC", "H2Y 1C6"],
    ],
    carriers: [["Canada Post", "https://www.canadapost-postescanada.ca/track-reperage/en#/search?searchFor="]],
  },
  {
    country: "Germany",
    code: "DE",
    currency: "EUR",
    taxIncluded: true,
    taxRate: 0.19,
    taxTitle: "MwSt",
    phonePrefix: "+4930123",
    locale: "de",
    cities: [
      ["Berlin", null, null, "10115"],
      ["München", null, null, "80331"],
      ["Köln", null, null, "50667"],
    ],
    carriers: [["DHL Express", "https://www.dhl.com/en/express/tracking.html?AWB="]],
  },
  {
    country: "France",
    code: "FR",
    currency: "EUR",
    taxIncluded: true,
    taxRate: 0.2,
    taxTitle: "TVA",
    phonePrefix: "+33142",
    locale: "fr",
    cities: [
      ["Paris", null, null, "75011"],
      ["Lyon", null, null, "69002"],
    ],
    carriers: [
      ["DHL Express", "https://www.dhl.com/en/express/tracking.html?AWB="],
      ["Colissimo", "https://www.laposte.fr/outils/suivre-vos-envois?code="],
    ],
  },
  {
    country: "Spain",
    code: "ES",
    currency: "EUR",
    taxIncluded: true,
    taxRate: 0.21,
    taxTitle: "IVA",
    phonePrefix: "+34911",
    locale: "es",
    cities: [
      ["Madrid", "Madrid", "M", "28013"],
      ["Barcelona", "Barcelona", "B", "08002"],
    ],
    carriers: [["DHL Express", "https://www.dhl.com/en/express/tracking.html?AWB="]],
  },
  {
    country: "United Kingdom",
    code: "GB",
    currency: "GBP",
    taxIncluded: true,
    taxRate: 0.2,
    taxTitle: "VAT",
    phonePrefix: "+44207",
    locale: "en",
    cities: [
      ["London", null, null, "E1 6AN"],
      ["Manchester", null, null, "M1 1AE"],
    ],
    carriers: [["Royal Mail", "https://www.royalmail.com/track-your-item#/tracking-results/"]],
  },
  {
    country: "Japan",
    code: "JP",
    currency: "JPY",
    taxIncluded: true,
    taxRate: 0.1,
    taxTitle: "消費税",
    phonePrefix: "+81312",
    locale: "ja",
    cities: [
      ["渋谷区", "東京都", "JP-13", "150-0002"],
      ["大阪市", "大阪府", "JP-27", "530-0001"],
    ],
    carriers: [["Japan Post", "https://trackings.post.japanpost.jp/services/srv/search/?requestNo1="]],
  },
];

const FIRST = [
  "Emma",
  "Liam",
  "Olivia",
  "Noah",
  "Ava",
  "Lucas",
  "Mia",
  "Leon",
  "Chloé",
  "Hugo",
  "Sofía",
  "Mateo",
  "Amelia",
  "Oliver",
  "Hannah",
  "Jonas",
  "Grace",
  "Ethan",
  "Zoe",
  "Felix",
];
const LAST = [
  "Smith",
  "Müller",
  "Martin",
  "García",
  "Brown",
  "Schmidt",
  "Dubois",
  "López",
  "Wilson",
  "Fischer",
  "Moreau",
  "Taylor",
  "Nguyen",
  "Walker",
  "Weber",
];
/** Customers whose names are not in Latin script (they still shop with ASCII emails). */
const NON_LATIN: [first: string, last: string, email: string, market: string][] = [
  ["花子", "山田", "hanako.yamada", "JP"],
  ["太郎", "佐藤", "taro.sato", "JP"],
  ["美咲", "鈴木", "misaki.suzuki", "JP"],
  ["Γιώργος", "Παπαδόπουλος", "giorgos.papadopoulos", "DE"],
  ["Анна", "Иванова", "anna.ivanova", "DE"],
  ["Дмитрий", "Смирнов", "dmitry.smirnov", "GB"],
  ["ليلى", "حداد", "layla.haddad", "FR"],
  ["יעל", "כהן", "yael.cohen", "US"],
];

const ADJECTIVES = ["Linen", "Stoneware", "Walnut", "Copper", "Wool", "Ceramic", "Oak", "Enamel", "Cotton", "Brass"];
const NOUNS = [
  "Apron",
  "Mug",
  "Serving Board",
  "Kettle",
  "Throw Blanket",
  "Planter",
  "Bread Box",
  "Colander",
  "Tea Towel Set",
  "Candle Holder",
  "Salad Bowl",
  "Pour-Over Set",
];
const COLORS = ["Sage", "Oat", "Charcoal", "Terracotta", "Sky"];
const SIZES = ["S", "M", "L"];

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
const gid = (type: string, id: number) => `gid://shopify/${type}/${id}`;
const DAY = 86_400_000;

export function round(amount: number, currency: string): number {
  const factor = ZERO_DECIMAL.has(currency) ? 1 : 100;
  return Math.round(amount * factor) / factor;
}

export function format(amount: number, currency: string): string {
  return ZERO_DECIMAL.has(currency) ? amount.toFixed(1) : round(amount, currency).toFixed(2);
}

/** A money bag from an amount in the presentment currency. */
export function bag(presentment: number, currency: string): MoneyBag {
  const shop = presentment / RATES[currency]!;
  return {
    shopMoney: { amount: format(round(shop, SHOP_CURRENCY), SHOP_CURRENCY), currencyCode: SHOP_CURRENCY },
    presentmentMoney: { amount: format(presentment, currency), currencyCode: currency },
  };
}

function svgPlaceholder(title: string, hue: number): string {
  return `/cdn/shop/products/${encodeURIComponent(title.toLowerCase().replace(/[^a-z0-9]+/g, "-"))}.svg?hue=${hue}`;
}

/** The seed refunds a line item at most once: its refund line item's ID follows from the line item's. */
export const seededRefundLineItemId = (lineItemId: string) =>
  gid("RefundLineItem", Number(lineItemId.split("/").pop()) + 6_000_000);

/** A seeded refund of a whole line item: its price, subtotal and tax as Shopify reports them. */
export function seededRefundLineItem(line: LineItem, currency: string): RefundLineItem {
  return {
    id: seededRefundLineItemId(line.id),
    lineItemId: line.id,
    quantity: line.quantity,
    priceSet: line.discountedUnitPriceSet,
    subtotalSet: line.discountedTotalSet,
    totalTaxSet: bag(
      line.taxLines.reduce((sum, t) => sum + Number(t.priceSet.presentmentMoney.amount), 0),
      currency,
    ),
  };
}

/** B2B buyers: companies with a location and (in the EU and the UK) its VAT registration. */
const COMPANIES: Record<string, { name: string; location: string; taxId: string | null }> = {
  US: { name: "Harbor Supply Co.", location: "Harbor Supply – Brooklyn", taxId: null },
  CA: { name: "Northwind Outfitters Ltd.", location: "Northwind – Vancouver", taxId: "123456789RT0001" },
  DE: { name: "Nordlicht Handels GmbH", location: "Nordlicht – Zentrale", taxId: "DE123456789" },
  FR: { name: "Atelier Lumière SARL", location: "Atelier Lumière – Paris", taxId: "FR40303265045" },
  ES: { name: "Casa Verde S.L.", location: "Casa Verde – Madrid", taxId: "ESB12345674" },
  GB: { name: "Fernhill Trading Ltd", location: "Fernhill – London", taxId: "GB123456789" },
  JP: { name: "株式会社みどり商店", location: "みどり商店 本店", taxId: "T1234567890123" },
};

/** Every 10th order of a signed-in customer (numbers ending in 7) is bought for a company. */
export function purchasingCompanyOf(number: number, marketCode: string): PurchasingCompany | null {
  const company = number % 10 === 7 ? COMPANIES[marketCode] : undefined;
  if (!company) return null;
  const index = Object.keys(COMPANIES).indexOf(marketCode) + 1;
  return {
    company: { id: gid("Company", 8_100_000 + index), name: company.name },
    location: {
      id: gid("CompanyLocation", 8_200_000 + index),
      name: company.location,
      taxRegistrationId: company.taxId,
    },
  };
}

export function seedShopData(options: SeedOptions = {}): ShopData {
  const {
    seed = 20261022,
    orders: orderCount = 500,
    products: productCount = 40,
    customers: customerCount = 60,
  } = options;
  const now = (options.now ?? new Date(new Date().toISOString().slice(0, 10))).getTime();
  const domain = options.domain ?? "care-desk-demo.myshopify.com";
  const r = prng(seed);
  let ids = 1000;
  const nextId = () => ++ids;

  const shop: Shop = {
    __typename: "Shop",
    id: gid("Shop", 72_000_001),
    name: "Maple & Fern Goods",
    email: "owner@maple-fern.example",
    contactEmail: "help@maple-fern.example",
    shopOwnerName: "Rosa Lindqvist",
    myshopifyDomain: domain,
    primaryDomain: {
      __typename: "Domain",
      id: gid("Domain", 1),
      host: domain,
      url: `https://${domain}`,
      sslEnabled: true,
    },
    currencyCode: SHOP_CURRENCY,
    enabledPresentmentCurrencies: Object.keys(RATES),
    ianaTimezone: "America/New_York",
    timezoneAbbreviation: "EST",
    timezoneOffsetMinutes: -300,
    orderNumberFormatPrefix: "#",
    orderNumberFormatSuffix: "",
    billingAddress: {
      firstName: null,
      lastName: null,
      name: null,
      company: "Maple & Fern Goods LLC",
      address1: "210 Harbor Street",
      address2: null,
      city: "Portland",
      province: "Maine",
      provinceCode: "ME",
      country: "United States",
      countryCodeV2: "US",
      zip: "04101",
      phone: "+12075550100",
    },
    locales: [
      { locale: "en", name: "English", primary: true, published: true },
      { locale: "de", name: "German", primary: false, published: true },
      { locale: "fr", name: "French", primary: false, published: true },
      { locale: "es", name: "Spanish", primary: false, published: true },
      { locale: "ja", name: "Japanese", primary: false, published: true },
    ],
    metafields: [],
  };

  const products: Product[] = [];
  for (let i = 0; i < productCount; i++) {
    const title = `${ADJECTIVES[i % ADJECTIVES.length]} ${NOUNS[Math.floor(i / ADJECTIVES.length) % NOUNS.length]}${i >= ADJECTIVES.length * NOUNS.length ? ` ${i}` : ""}`;
    const handle = title.toLowerCase().replace(/[^a-z0-9]+/g, "-");
    const base = r.int(12, 140) + 0.0;
    const withSizes = r.chance(0.3);
    const colors = COLORS.slice(0, r.int(1, 3));
    const created = now - r.int(560, 720) * DAY;
    const variants = colors.flatMap((color) =>
      (withSizes ? SIZES : [null]).map((size) => {
        const id = nextId();
        return {
          __typename: "ProductVariant" as const,
          id: gid("ProductVariant", 40_000_000 + id),
          title: size ? `${color} / ${size}` : color,
          sku: `MF-${handle.slice(0, 6).toUpperCase()}-${color.slice(0, 3).toUpperCase()}${size ? `-${size}` : ""}`,
          price: base.toFixed(2),
          selectedOptions: [{ name: "Color", value: color }, ...(size ? [{ name: "Size", value: size }] : [])],
        };
      }),
    );
    const productId = nextId();
    products.push({
      __typename: "Product",
      id: gid("Product", 8_000_000 + productId),
      handle,
      title,
      vendor: "Maple & Fern",
      productType: NOUNS[Math.floor(i / ADJECTIVES.length) % NOUNS.length]!,
      description: `A ${title.toLowerCase()} made to be used every day.`,
      descriptionHtml: `<p>A ${title.toLowerCase()} made to be used every day.</p>`,
      status: "ACTIVE",
      tags: [ADJECTIVES[i % ADJECTIVES.length]!.toLowerCase()],
      createdAt: iso(created),
      updatedAt: iso(created + 30 * DAY),
      images: [0, 1].map((n) => ({
        __typename: "Image" as const,
        id: gid("ProductImage", 30_000_000 + nextId()),
        url: svgPlaceholder(`${handle}-${n + 1}`, (i * 37 + n * 90) % 360),
        altText: n === 0 ? title : `${title}, detail`,
        width: 800,
        height: 800,
      })),
      variants,
      metafields: [],
    });
  }

  const address = (first: string, last: string, market: Market): Address => {
    const [city, province, provinceCode, zip] = r.pick(market.cities);
    return {
      firstName: first,
      lastName: last,
      name: `${first} ${last}`,
      company: null,
      address1: `${r.int(1, 240)} ${r.pick(["Elm", "Harbor", "Linden", "Market", "Garden"])} ${market.code === "JP" ? "1-2" : "Street"}`,
      address2: r.chance(0.2) ? `Apt ${r.int(1, 40)}` : null,
      city,
      province,
      provinceCode,
      country: market.country,
      countryCodeV2: market.code,
      zip,
      phone: `${market.phonePrefix}${String(r.int(0, 9999)).padStart(4, "0")}`,
    };
  };

  const customers: (Customer & { market: Market })[] = [];
  for (let i = 0; i < customerCount; i++) {
    const nonLatin = NON_LATIN[i % 8 === 3 ? Math.floor(i / 8) % NON_LATIN.length : -1];
    const market = nonLatin ? MARKETS.find((m) => m.code === nonLatin[3])! : r.pick(MARKETS);
    const first = nonLatin ? nonLatin[0] : r.pick(FIRST);
    const last = nonLatin ? nonLatin[1] : r.pick(LAST);
    const local = nonLatin
      ? nonLatin[2]
      : `${first}.${last}`
          .normalize("NFD")
          .replace(/[^\w.]/g, "")
          .toLowerCase();
    const created = now - r.int(10, 700) * DAY;
    const defaultAddress = address(first, last, market);
    customers.push({
      __typename: "Customer",
      id: gid("Customer", 6_000_000 + nextId()),
      firstName: first,
      lastName: last,
      displayName: market.code === "JP" && nonLatin ? `${last} ${first}` : `${first} ${last}`,
      email: `${local}${i}@example.com`,
      phone: r.chance(0.5) ? defaultAddress.phone : null,
      locale: market.locale,
      createdAt: iso(created),
      updatedAt: iso(created),
      defaultAddress,
      hasAccount: r.chance(0.75),
      metafields: [],
      market,
    });
  }

  // Orders, oldest first: #1001 … over the 18 months before `now`.
  const span = 548 * DAY;
  const times = Array.from({ length: orderCount }, () => now - Math.floor(r.next() * span)).sort((a, b) => a - b);
  const orders: Order[] = [];
  const variantOf = (product: Product) => r.pick(product.variants);

  for (const [index, created] of times.entries()) {
    const number = 1001 + index;
    const guest = r.chance(0.2);
    const customer = guest ? null : r.pick(customers);
    const market = customer?.market ?? r.pick(MARKETS);
    const first = customer?.firstName ?? r.pick(FIRST);
    const last = customer?.lastName ?? r.pick(LAST);
    const email = customer
      ? customer.email
      : r.chance(0.85)
        ? `${first}.${last}.${number}@example.net`
            .toLowerCase()
            .normalize("NFD")
            .replace(/[^\w.@-]/g, "")
        : null;
    const shipping = customer?.defaultAddress ?? address(first, last, market);
    const phone = email ? (r.chance(0.3) ? shipping.phone : null) : shipping.phone;
    const currency = market.currency;
    const rate = RATES[currency]!;
    const age = (now - created) / DAY;

    const lines: LineItem[] = [];
    for (let n = r.int(1, 4); n > 0; n--) {
      const product = r.pick(products);
      const variant = variantOf(product);
      const quantity = r.int(1, 3);
      const unit = round(Number(variant.price) * rate, currency);
      const total = round(unit * quantity, currency);
      const tax = round(market.taxIncluded ? total - total / (1 + market.taxRate) : total * market.taxRate, currency);
      const lineId = nextId();
      lines.push({
        __typename: "LineItem",
        id: gid("LineItem", 14_000_000 + lineId),
        title: product.title,
        variantTitle: variant.title,
        name: `${product.title} - ${variant.title}`,
        sku: variant.sku,
        quantity,
        currentQuantity: quantity,
        productId: product.id,
        variantId: variant.id,
        image: product.images[0] ?? null,
        originalUnitPriceSet: bag(unit, currency),
        discountedUnitPriceSet: bag(unit, currency),
        originalTotalSet: bag(total, currency),
        discountedTotalSet: bag(total, currency),
        totalDiscountSet: bag(0, currency),
        taxLines: [
          {
            title: market.taxTitle,
            rate: market.taxRate,
            ratePercentage: market.taxRate * 100,
            priceSet: bag(tax, currency),
          },
        ],
        requiresShipping: true,
        taxable: true,
      });
    }
    const subtotal = round(
      lines.reduce((sum, l) => sum + Number(l.discountedTotalSet.presentmentMoney.amount), 0),
      currency,
    );
    const discountCode = r.chance(0.15) ? r.pick(["WELCOME10", "SPRING15", "LOYAL5"]) : null;
    const discount = discountCode ? round((subtotal * Number(discountCode.replace(/\D/g, ""))) / 100, currency) : 0;
    const shippingCost = subtotal > 150 * rate ? 0 : round(r.pick([6.95, 9.5, 14]) * rate, currency);
    // Shipping is taxed where prices include tax (the EU, the UK, Japan): its price holds the tax.
    const shippingTax =
      market.taxIncluded && shippingCost > 0 ? round(shippingCost - shippingCost / (1 + market.taxRate), currency) : 0;
    const taxTotal = round(
      lines.reduce((sum, l) => sum + Number(l.taxLines[0]!.priceSet.presentmentMoney.amount), 0) *
        (1 - discount / Math.max(subtotal, 1)) +
        shippingTax,
      currency,
    );
    const total = round(subtotal - discount + shippingCost + (market.taxIncluded ? 0 : taxTotal), currency);
    const taxLines: TaxLine[] = [
      {
        title: market.taxTitle,
        rate: market.taxRate,
        ratePercentage: market.taxRate * 100,
        priceSet: bag(taxTotal, currency),
      },
    ];

    // What happened to the order.
    const roll = r.next();
    const cancelled = roll < 0.03;
    const pending = !cancelled && (roll < 0.08 || (age < 3 && r.chance(0.3)));
    const fullyRefunded = !cancelled && !pending && roll < 0.12;
    const partiallyRefunded = !cancelled && !pending && !fullyRefunded && roll < 0.18;
    let financial = "PAID";
    if (cancelled) financial = r.chance(0.5) ? "VOIDED" : "REFUNDED";
    else if (pending) financial = "PENDING";
    else if (fullyRefunded) financial = "REFUNDED";
    else if (partiallyRefunded) financial = "PARTIALLY_REFUNDED";

    const fulfillments: Fulfillment[] = [];
    let fulfillmentStatus = "UNFULFILLED";
    const shipped = !cancelled && !pending && !fullyRefunded && age > 1.5;
    if (shipped || (fullyRefunded && age > 20)) {
      const partial = lines.length > 1 && age < 12 && r.chance(0.35);
      const shippedLines = partial ? lines.slice(0, Math.ceil(lines.length / 2)) : lines;
      const [carrier, trackUrl] = r.pick(market.carriers);
      const shipAt = created + r.int(1, 2) * DAY;
      const transitAt = shipAt + 0.5 * DAY;
      const deliveredAt = age > 9 ? shipAt + r.int(2, 6) * DAY : null;
      const tracking = `${carrier.slice(0, 2).toUpperCase()}${String(number * 7919 + index).padStart(10, "0")}`;
      const displayStatus =
        deliveredAt && deliveredAt < now
          ? "DELIVERED"
          : transitAt < now
            ? r.pick(["IN_TRANSIT", "IN_TRANSIT", "OUT_FOR_DELIVERY"])
            : "CONFIRMED";
      fulfillments.push({
        __typename: "Fulfillment",
        id: gid("Fulfillment", 5_000_000 + nextId()),
        name: `${"#"}${number}-F1`,
        status: "SUCCESS",
        displayStatus,
        createdAt: iso(shipAt),
        updatedAt: iso(deliveredAt ?? transitAt),
        inTransitAt: transitAt < now ? iso(transitAt) : null,
        deliveredAt: displayStatus === "DELIVERED" && deliveredAt ? iso(deliveredAt) : null,
        estimatedDeliveryAt: displayStatus === "DELIVERED" ? null : iso(shipAt + 4 * DAY),
        trackingInfo: [{ company: carrier, number: tracking, url: `${trackUrl}${tracking}` }],
        lineItemIds: shippedLines.map((l) => l.id),
        totalQuantity: shippedLines.reduce((sum, l) => sum + l.quantity, 0),
        requiresShipping: true,
      });
      fulfillmentStatus = partial ? "PARTIALLY_FULFILLED" : "FULFILLED";
    }

    const paidAt = created + 60_000;
    const transactions: Order["transactions"] = [];
    if (!pending) {
      transactions.push({
        __typename: "OrderTransaction",
        id: gid("OrderTransaction", 9_000_000 + nextId()),
        kind: "SALE",
        status: "SUCCESS",
        gateway: "shopify_payments",
        createdAt: iso(paidAt),
        processedAt: iso(paidAt),
        amountSet: bag(total, currency),
      });
    }
    const refunds: Order["refunds"] = [];
    let refunded = 0;
    if (financial === "REFUNDED" || financial === "PARTIALLY_REFUNDED") {
      const refundLines = financial === "REFUNDED" ? lines : lines.slice(0, 1);
      refunded =
        financial === "REFUNDED"
          ? total
          : round(Number(refundLines[0]!.discountedTotalSet.presentmentMoney.amount) / 2, currency);
      const refundAt = Math.min(now - 60_000, created + r.int(1, 20) * DAY);
      const refundId = gid("Refund", 7_000_000 + nextId());
      const transactionId = gid("OrderTransaction", 9_000_000 + nextId());
      refunds.push({
        __typename: "Refund",
        id: refundId,
        createdAt: iso(refundAt),
        note: financial === "REFUNDED" ? "Customer request" : "Damaged in transit",
        totalRefundedSet: bag(refunded, currency),
        refundLineItems: refundLines.map((l) => seededRefundLineItem(l, currency)),
        refundShippingLines: [],
        transactionIds: [transactionId],
      });
      transactions.push({
        __typename: "OrderTransaction",
        id: transactionId,
        kind: "REFUND",
        status: "SUCCESS",
        gateway: "shopify_payments",
        createdAt: iso(refundAt),
        processedAt: iso(refundAt),
        amountSet: bag(refunded, currency),
      });
    }

    const cancelledAt = cancelled ? iso(created + 3_600_000) : null;
    orders.push({
      __typename: "Order",
      id: gid("Order", 5_500_000_000 + number),
      name: `#${number}`,
      number,
      confirmationNumber: ((number * 2654435761) >>> 0).toString(36).toUpperCase().padStart(7, "X").slice(0, 9),
      createdAt: iso(created),
      processedAt: iso(created),
      updatedAt: iso(Math.max(created, ...fulfillments.map((f) => Date.parse(f.updatedAt)))),
      cancelledAt,
      cancelReason: cancelled ? r.pick(["CUSTOMER", "INVENTORY", "DECLINED"]) : null,
      closed: Boolean(cancelled || (fulfillmentStatus === "FULFILLED" && age > 30)),
      closedAt: cancelled
        ? cancelledAt
        : fulfillmentStatus === "FULFILLED" && age > 30
          ? iso(created + 30 * DAY)
          : null,
      email,
      phone,
      customerId: customer?.id ?? null,
      currencyCode: SHOP_CURRENCY,
      presentmentCurrencyCode: currency,
      taxesIncluded: market.taxIncluded,
      displayFinancialStatus: financial,
      displayFulfillmentStatus: fulfillmentStatus,
      sourceName: "web",
      customerLocale: customer?.locale ?? market.locale,
      purchasingCompany: customer ? purchasingCompanyOf(number, market.code) : null,
      tags: [],
      note: null,
      shippingAddress: shipping,
      billingAddress: shipping,
      lineItems: lines,
      shippingLines: [
        {
          id: gid("ShippingLine", 3_000_000 + nextId()),
          title: shippingCost === 0 ? "Free shipping" : "Standard",
          code: "STANDARD",
          originalPriceSet: bag(shippingCost, currency),
          discountedPriceSet: bag(shippingCost, currency),
          taxLines: shippingTax
            ? [
                {
                  title: market.taxTitle,
                  rate: market.taxRate,
                  ratePercentage: market.taxRate * 100,
                  priceSet: bag(shippingTax, currency),
                },
              ]
            : [],
        },
      ],
      taxLines,
      discountCodes: discountCode ? [discountCode] : [],
      subtotalPriceSet: bag(subtotal, currency),
      totalShippingPriceSet: bag(shippingCost, currency),
      totalTaxSet: bag(taxTotal, currency),
      totalDiscountsSet: bag(discount, currency),
      totalPriceSet: bag(total, currency),
      currentTotalPriceSet: bag(round(total - refunded, currency), currency),
      totalRefundedSet: bag(refunded, currency),
      totalReceivedSet: bag(pending ? 0 : round(total - refunded, currency), currency),
      transactions,
      refunds,
      fulfillments,
      paymentGatewayNames: ["shopify_payments"],
      metafields: [],
    });
  }

  return {
    shop,
    products,
    customers: customers.map(({ market: _market, ...customer }) => customer),
    orders,
  };
}
