// The frozen invoice: everything the PDF prints, taken from the order once, when the invoice
// is issued. Pure: amounts are decimal strings in the presentment currency, summed in minor
// units so no float ever rounds a tax amount.

export const INVOICE_LANGUAGES = ["en", "de", "fr", "es", "ja"] as const;
export type InvoiceLanguage = (typeof INVOICE_LANGUAGES)[number];

export interface Party {
  name: string;
  company: string | null;
  address: string[];
  taxIds: string[];
  email: string | null;
}

export interface InvoiceLine {
  title: string;
  variantTitle: string | null;
  sku: string | null;
  quantity: number;
  unitPrice: string;
  discount: string;
  total: string;
  /** Tax rate in percent (e.g. 19), null when untaxed. */
  taxRate: number | null;
}

export interface TaxAmount {
  title: string;
  rate: number;
  amount: string;
}

export interface InvoiceSnapshot {
  version: 1;
  kind: "invoice" | "credit_note";
  number: string;
  /** A credit note's invoice number. */
  invoiceNumber: string | null;
  orderName: string;
  /** YYYY-MM-DD in the shop's time zone. */
  issueDate: string;
  supplyDate: string;
  language: InvoiceLanguage;
  currency: string;
  taxesIncluded: boolean;
  test: boolean;
  seller: Party;
  buyer: Party;
  lines: InvoiceLine[];
  shipping: { title: string; amount: string; taxRate: number | null }[];
  /** Order-level discount not already in the lines (positive). */
  discount: string;
  taxes: TaxAmount[];
  subtotal: string;
  shippingTotal: string;
  taxTotal: string;
  /**
   * Credit notes: money refunded beyond (negative) or short of (positive) the refunded lines,
   * shipping and tax, e.g. a refund of an amount without lines. Absent on invoices.
   */
  adjustment?: string;
  total: string;
  note: string | null;
  /** The shop's logo when it was issued (InvoiceLogo ID); absent or null: none. */
  logoId?: string | null;
}

// --- Money in minor units ------------------------------------------------------------------

export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

export function toMinor(amount: string | null | undefined, digits: number): number {
  if (!amount) return 0;
  const negative = amount.trim().startsWith("-");
  const [whole = "0", fraction = ""] = amount.trim().replace(/^[-+]/, "").split(".");
  const padded = (fraction + "0".repeat(digits)).slice(0, digits);
  const rest = fraction.slice(digits);
  let minor = Number(whole) * 10 ** digits + (digits ? Number(padded) : 0);
  if (rest && Number(rest[0]) >= 5) minor += 1;
  return negative ? -minor : minor;
}

export function fromMinor(minor: number, digits: number): string {
  const negative = minor < 0;
  const abs = Math.abs(minor);
  const whole = Math.floor(abs / 10 ** digits);
  const fraction = digits ? `.${String(abs % 10 ** digits).padStart(digits, "0")}` : "";
  return `${negative ? "-" : ""}${whole}${fraction}`;
}

// --- From the order ------------------------------------------------------------------------

type MoneySet = { presentmentMoney: { amount: string; currencyCode: string } } | null | undefined;
type TaxLine = { title: string; rate?: number | null; ratePercentage?: number | null; priceSet: MoneySet };
type Address = {
  name?: string | null;
  company?: string | null;
  address1?: string | null;
  address2?: string | null;
  zip?: string | null;
  city?: string | null;
  province?: string | null;
  country?: string | null;
} | null;

/** The order as CareDeskInvoiceOrder returns it (only what the snapshot reads). */
export interface InvoiceOrder {
  id: string;
  name: string;
  test: boolean;
  email?: string | null;
  customerLocale?: string | null;
  taxesIncluded: boolean;
  presentmentCurrencyCode: string;
  processedAt: string;
  billingAddress?: Address;
  purchasingEntity?:
    | {
        __typename: "PurchasingCompany";
        company: { name: string };
        location: { taxSettings?: { taxRegistrationId?: string | null } | null };
      }
    | { __typename: string }
    | null;
  taxLines: TaxLine[];
  totalShippingPriceSet: MoneySet;
  totalTaxSet?: MoneySet;
  totalPriceSet: MoneySet;
  totalDiscountsSet?: MoneySet;
  lineItems: {
    nodes: {
      title: string;
      variantTitle?: string | null;
      sku?: string | null;
      quantity: number;
      originalUnitPriceSet: MoneySet;
      totalDiscountSet: MoneySet;
      taxLines: TaxLine[];
    }[];
  };
  shippingLines: { nodes: { title: string; discountedPriceSet: MoneySet; taxLines: TaxLine[] }[] };
  fulfillments: { createdAt: string }[];
}

const amountOf = (set: MoneySet) => set?.presentmentMoney.amount ?? "0";
const rateOf = (line: TaxLine) =>
  line.rate != null ? Math.round(line.rate * 1_000_000) / 10_000 : (line.ratePercentage ?? 0);
const firstRate = (lines: TaxLine[]) => (lines.length ? rateOf(lines[0]!) : null);

export function addressLines(address: Address): string[] {
  if (!address) return [];
  const cityLine = [address.zip, address.city].filter(Boolean).join(" ");
  return [address.address1, address.address2, cityLine, address.province, address.country].filter(
    (line): line is string => Boolean(line && line.trim()),
  );
}

/** The invoice's language: the order's customer locale when Care Desk speaks it, else the fallback. */
export function invoiceLanguage(locale: string | null | undefined, fallback: InvoiceLanguage = "en"): InvoiceLanguage {
  const base = (locale ?? "").toLowerCase().split(/[-_]/)[0] as InvoiceLanguage;
  return INVOICE_LANGUAGES.includes(base) ? base : fallback;
}

/** YYYY-MM-DD of an instant in a time zone. */
export function localDate(instant: Date | string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(instant),
  );
}

export function snapshotFromOrder(
  order: InvoiceOrder,
  {
    number,
    issuedAt,
    timeZone,
    seller,
    fallbackLanguage,
  }: {
    number: string;
    issuedAt: Date;
    timeZone: string;
    seller: { name: string; address: string[]; taxIds: string[] };
    fallbackLanguage?: InvoiceLanguage;
  },
): InvoiceSnapshot {
  const currency = order.presentmentCurrencyCode;
  const digits = currencyDigits(currency);
  const minor = (set: MoneySet) => toMinor(amountOf(set), digits);
  const money = (value: number) => fromMinor(value, digits);

  const lines: InvoiceLine[] = order.lineItems.nodes.map((line) => {
    const unit = minor(line.originalUnitPriceSet);
    const discount = minor(line.totalDiscountSet);
    return {
      title: line.title,
      variantTitle: line.variantTitle ?? null,
      sku: line.sku || null,
      quantity: line.quantity,
      unitPrice: money(unit),
      discount: money(discount),
      total: money(unit * line.quantity - discount),
      taxRate: firstRate(line.taxLines),
    };
  });
  const subtotal = lines.reduce((sum, line) => sum + toMinor(line.total, digits), 0);
  const lineDiscounts = lines.reduce((sum, line) => sum + toMinor(line.discount, digits), 0);
  const discount = Math.max(0, minor(order.totalDiscountsSet) - lineDiscounts);
  const shipping = order.shippingLines.nodes.map((line) => ({
    title: line.title,
    amount: amountOf(line.discountedPriceSet),
    taxRate: firstRate(line.taxLines),
  }));
  const shippingTotal = minor(order.totalShippingPriceSet);

  // Tax per rate: Shopify's order-level tax lines (already summed per rate), else the lines'.
  const byRate = new Map<string, TaxAmount & { minor: number }>();
  const taxSources = order.taxLines.length
    ? order.taxLines
    : [...order.lineItems.nodes.flatMap((l) => l.taxLines), ...order.shippingLines.nodes.flatMap((l) => l.taxLines)];
  for (const tax of taxSources) {
    const rate = rateOf(tax);
    const key = `${tax.title}|${rate}`;
    const entry = byRate.get(key) ?? { title: tax.title, rate, amount: "0", minor: 0 };
    entry.minor += minor(tax.priceSet);
    byRate.set(key, entry);
  }
  const taxes = [...byRate.values()]
    .filter((t) => t.minor !== 0)
    .sort((a, b) => b.rate - a.rate)
    .map(({ minor: m, ...t }) => ({ ...t, amount: money(m) }));
  const taxTotal = order.totalTaxSet
    ? minor(order.totalTaxSet)
    : taxes.reduce((s, t) => s + toMinor(t.amount, digits), 0);

  const company =
    order.purchasingEntity && order.purchasingEntity.__typename === "PurchasingCompany"
      ? (order.purchasingEntity as Extract<InvoiceOrder["purchasingEntity"], { company: unknown }>)
      : null;
  const billing = order.billingAddress ?? null;
  const firstFulfilment = order.fulfillments.map((f) => f.createdAt).sort()[0];

  return {
    version: 1,
    kind: "invoice",
    number,
    invoiceNumber: null,
    orderName: order.name,
    issueDate: localDate(issuedAt, timeZone),
    supplyDate: localDate(firstFulfilment ?? order.processedAt, timeZone),
    language: invoiceLanguage(order.customerLocale, fallbackLanguage),
    currency,
    taxesIncluded: order.taxesIncluded,
    test: order.test,
    seller: { name: seller.name, company: null, address: seller.address, taxIds: seller.taxIds, email: null },
    buyer: {
      name: billing?.name ?? "",
      company: company?.company.name ?? billing?.company ?? null,
      address: addressLines(billing),
      taxIds: company?.location.taxSettings?.taxRegistrationId ? [company.location.taxSettings.taxRegistrationId] : [],
      email: order.email ?? null,
    },
    lines,
    shipping,
    discount: money(discount),
    taxes,
    subtotal: money(subtotal),
    shippingTotal: money(shippingTotal),
    taxTotal: money(taxTotal),
    total: amountOf(order.totalPriceSet),
    note: null,
  };
}

/** Whether the snapshot's parts add up to its total (inclusive: tax is inside the prices). */
export function totalsAddUp(s: InvoiceSnapshot): boolean {
  const digits = currencyDigits(s.currency);
  const m = (v: string | undefined) => toMinor(v, digits);
  const computed =
    m(s.subtotal) - m(s.discount) + m(s.shippingTotal) + (s.taxesIncluded ? 0 : m(s.taxTotal)) + m(s.adjustment);
  return computed === m(s.total);
}

// --- Credit notes ----------------------------------------------------------------------------

/** The refund as CareDeskCreditNoteRefund returns it (only what the credit note reads). */
export interface CreditRefund {
  id: string;
  createdAt?: string | null;
  note?: string | null;
  totalRefundedSet: MoneySet;
  refundLineItems: {
    nodes: {
      quantity: number;
      priceSet: MoneySet;
      subtotalSet: MoneySet;
      totalTaxSet: MoneySet;
      lineItem: { title: string; variantTitle?: string | null; sku?: string | null; taxLines: TaxLine[] };
    }[];
  };
  refundShippingLines: {
    nodes: {
      shippingLine: { title: string; taxLines: TaxLine[] };
      subtotalAmountSet: MoneySet;
      taxAmountSet: MoneySet;
    }[];
  };
}

interface CreditOptions {
  number: string;
  issuedAt: Date;
  timeZone: string;
}

/** The parts every credit note takes from the invoice it corrects: parties, language, currency, basis. */
function creditBase(invoice: InvoiceSnapshot, { number, issuedAt, timeZone }: CreditOptions) {
  return {
    version: 1 as const,
    kind: "credit_note" as const,
    number,
    invoiceNumber: invoice.number,
    orderName: invoice.orderName,
    issueDate: localDate(issuedAt, timeZone),
    supplyDate: invoice.supplyDate,
    language: invoice.language,
    currency: invoice.currency,
    taxesIncluded: invoice.taxesIncluded,
    test: invoice.test,
    seller: invoice.seller,
    buyer: invoice.buyer,
    discount: fromMinor(0, currencyDigits(invoice.currency)),
  };
}

/** Sums tax amounts (minor units) per title and rate, largest rate first; amounts negated. */
function creditTaxes(entries: { title: string; rate: number; minor: number }[], digits: number): TaxAmount[] {
  const byRate = new Map<string, { title: string; rate: number; minor: number }>();
  for (const entry of entries) {
    const key = `${entry.title}|${entry.rate}`;
    const sum = byRate.get(key) ?? { title: entry.title, rate: entry.rate, minor: 0 };
    sum.minor += entry.minor;
    byRate.set(key, sum);
  }
  return [...byRate.values()]
    .filter((t) => t.minor !== 0)
    .sort((a, b) => b.rate - a.rate)
    .map((t) => ({ title: t.title, rate: t.rate, amount: fromMinor(-t.minor, digits) }));
}

/**
 * A credit note for a Shopify refund, correcting `invoice`: the refunded lines (quantity, unit
 * price, amount), refunded shipping and the tax refunded per rate, all as negative amounts;
 * its total is minus the money refunded. What the refund paid beyond or short of its lines,
 * shipping and tax (an amount-only refund, say) is the adjustment.
 */
export function creditNoteFromRefund(
  refund: CreditRefund,
  invoice: InvoiceSnapshot,
  options: CreditOptions,
): InvoiceSnapshot {
  const digits = currencyDigits(invoice.currency);
  const minor = (set: MoneySet) => toMinor(amountOf(set), digits);
  const money = (value: number) => fromMinor(value, digits);
  const fallbackTax = invoice.taxes[0]?.title ?? "Tax";

  const lines: InvoiceLine[] = refund.refundLineItems.nodes.map((item) => {
    const subtotal = minor(item.subtotalSet);
    const unit = item.quantity ? Math.round(subtotal / item.quantity) : subtotal;
    return {
      title: item.lineItem.title,
      variantTitle: item.lineItem.variantTitle ?? null,
      sku: item.lineItem.sku || null,
      quantity: item.quantity,
      unitPrice: money(-unit),
      discount: money(0),
      total: money(-subtotal),
      taxRate: firstRate(item.lineItem.taxLines),
    };
  });
  const shipping = refund.refundShippingLines.nodes.map((item) => ({
    title: item.shippingLine.title,
    amount: money(-minor(item.subtotalAmountSet)),
    taxRate: firstRate(item.shippingLine.taxLines),
  }));
  const taxEntry = (taxLines: TaxLine[], set: MoneySet) => ({
    title: taxLines[0]?.title ?? fallbackTax,
    rate: taxLines.length ? rateOf(taxLines[0]!) : 0,
    minor: minor(set),
  });
  const taxes = creditTaxes(
    [
      ...refund.refundLineItems.nodes.map((item) => taxEntry(item.lineItem.taxLines, item.totalTaxSet)),
      ...refund.refundShippingLines.nodes.map((item) => taxEntry(item.shippingLine.taxLines, item.taxAmountSet)),
    ],
    digits,
  );
  const subtotal = lines.reduce((sum, line) => sum + toMinor(line.total, digits), 0);
  const shippingTotal = shipping.reduce((sum, line) => sum + toMinor(line.amount, digits), 0);
  const taxTotal = taxes.reduce((sum, tax) => sum + toMinor(tax.amount, digits), 0);
  const total = -minor(refund.totalRefundedSet);
  const adjustment = total - (subtotal + shippingTotal + (invoice.taxesIncluded ? 0 : taxTotal));
  return {
    ...creditBase(invoice, options),
    lines,
    shipping,
    taxes,
    subtotal: money(subtotal),
    shippingTotal: money(shippingTotal),
    taxTotal: money(taxTotal),
    adjustment: money(adjustment),
    total: money(total),
    note: refund.note?.trim() || null,
  };
}

/** A line of a manual credit note: what is credited, in the invoice's basis (gross when it includes tax). */
export interface ManualCreditLine {
  description: string;
  quantity: number;
  /** Positive decimal string: the amount credited per unit. */
  unitPrice: string;
  /** Percent, or null when untaxed. */
  taxRate: number | null;
}

/**
 * A credit note the merchant issues by hand against `invoice` (a goodwill credit, a price
 * correction): each line's tax is worked out at its rate in minor units, inside the amount when
 * the invoice's prices include tax, on top of it when they don't.
 */
export function manualCreditNote(
  invoice: InvoiceSnapshot,
  { lines: input, reason, ...options }: CreditOptions & { lines: ManualCreditLine[]; reason: string | null },
): InvoiceSnapshot {
  const digits = currencyDigits(invoice.currency);
  const money = (value: number) => fromMinor(value, digits);
  const titleFor = (rate: number) =>
    invoice.taxes.find((t) => t.rate === rate)?.title ?? invoice.taxes[0]?.title ?? "Tax";
  const taxEntries: { title: string; rate: number; minor: number }[] = [];
  const lines: InvoiceLine[] = input.map((line) => {
    const unit = toMinor(line.unitPrice, digits);
    const amount = unit * line.quantity;
    if (line.taxRate) {
      const tax = invoice.taxesIncluded
        ? Math.round((amount * line.taxRate) / (100 + line.taxRate))
        : Math.round((amount * line.taxRate) / 100);
      taxEntries.push({ title: titleFor(line.taxRate), rate: line.taxRate, minor: tax });
    }
    return {
      title: line.description,
      variantTitle: null,
      sku: null,
      quantity: line.quantity,
      unitPrice: money(-unit),
      discount: money(0),
      total: money(-amount),
      taxRate: line.taxRate,
    };
  });
  const taxes = creditTaxes(taxEntries, digits);
  const subtotal = lines.reduce((sum, line) => sum + toMinor(line.total, digits), 0);
  const taxTotal = taxes.reduce((sum, tax) => sum + toMinor(tax.amount, digits), 0);
  return {
    ...creditBase(invoice, options),
    lines,
    shipping: [],
    taxes,
    subtotal: money(subtotal),
    shippingTotal: money(0),
    taxTotal: money(taxTotal),
    adjustment: money(0),
    total: money(subtotal + (invoice.taxesIncluded ? 0 : taxTotal)),
    note: reason?.trim() || null,
  };
}
