// Issuing invoices: the order is read once through the Admin API (CareDeskInvoiceOrder),
// frozen into a snapshot and stored with the next number of the shop's series. Issuing is
// idempotent per order (one invoice per order, whatever triggers it how often).
import prisma from "~/db.server";
import { adminQuery, type AdminGraphql } from "~/graphql.server";
import { getShopProfile } from "~/shop/profile.server";
import {
  creditNoteFromRefund,
  currencyDigits,
  fromMinor,
  invoiceLanguage,
  manualCreditNote,
  snapshotFromOrder,
  toMinor,
  type CreditRefund,
  type InvoiceOrder,
  type InvoiceSnapshot,
  type ManualCreditLine,
} from "./document";
import { emailOnIssue } from "./mail.server";
import { loadInvoiceSettings, numberFormat } from "./settings.server";
import {
  creditNotesOfOrders,
  documentsOfOrder,
  downloadsSince,
  findBySource,
  getDocument,
  issueDocument,
  type StoredDocument,
} from "./store.server";

export const INVOICE_ORDER_QUERY = `#graphql
  query CareDeskInvoiceOrder($id: ID!) {
    order(id: $id) {
      id
      name
      test
      email
      customerLocale
      cancelledAt
      displayFinancialStatus
      taxesIncluded
      presentmentCurrencyCode
      processedAt
      customer { id }
      billingAddress { name company address1 address2 zip city province country }
      purchasingEntity {
        __typename
        ... on PurchasingCompany {
          company { name }
          location { taxSettings { taxRegistrationId } }
        }
      }
      taxLines { title rate ratePercentage priceSet { presentmentMoney { amount currencyCode } } }
      totalShippingPriceSet { presentmentMoney { amount currencyCode } }
      totalTaxSet { presentmentMoney { amount currencyCode } }
      totalDiscountsSet { presentmentMoney { amount currencyCode } }
      totalPriceSet { presentmentMoney { amount currencyCode } }
      lineItems(first: 100) {
        nodes {
          title
          variantTitle
          sku
          quantity
          originalUnitPriceSet { presentmentMoney { amount currencyCode } }
          totalDiscountSet { presentmentMoney { amount currencyCode } }
          taxLines { title rate ratePercentage priceSet { presentmentMoney { amount currencyCode } } }
        }
      }
      shippingLines(first: 5) {
        nodes {
          title
          discountedPriceSet { presentmentMoney { amount currencyCode } }
          taxLines { title rate ratePercentage priceSet { presentmentMoney { amount currencyCode } } }
        }
      }
      fulfillments(first: 5) { createdAt }
    }
    shopLocales(published: true) { locale primary }
  }
` as const;

export const CREDIT_NOTE_REFUND_QUERY = `#graphql
  query CareDeskCreditNoteRefund($id: ID!) {
    refund(id: $id) {
      id
      createdAt
      note
      order { id }
      totalRefundedSet { presentmentMoney { amount currencyCode } }
      refundLineItems(first: 60) {
        nodes {
          quantity
          priceSet { presentmentMoney { amount currencyCode } }
          subtotalSet { presentmentMoney { amount currencyCode } }
          totalTaxSet { presentmentMoney { amount currencyCode } }
          lineItem {
            title
            variantTitle
            sku
            taxLines { title rate ratePercentage priceSet { presentmentMoney { amount currencyCode } } }
          }
        }
      }
      refundShippingLines(first: 5) {
        nodes {
          subtotalAmountSet { presentmentMoney { amount currencyCode } }
          taxAmountSet { presentmentMoney { amount currencyCode } }
          shippingLine {
            title
            taxLines { title rate ratePercentage priceSet { presentmentMoney { amount currencyCode } } }
          }
        }
      }
    }
  }
` as const;

/** Financial states of an order nobody paid for: cancelled in one of them, it gets no invoice. */
const UNPAID = new Set(["PENDING", "AUTHORIZED", "VOIDED", "EXPIRED"]);

export type IssueOutcome =
  | { issued: true; created: boolean; document: StoredDocument }
  | { issued: false; reason: "not_found" | "cancelled_unpaid" };

export async function issueInvoice({
  shop,
  graphql,
  orderId,
  now = new Date(),
}: {
  shop: string;
  graphql: AdminGraphql;
  orderId: string;
  now?: Date;
}): Promise<IssueOutcome> {
  const existing = await findBySource({ shop, sourceKey: `order:${orderId}` });
  if (existing) return { issued: true, created: false, document: existing };

  const [{ order, shopLocales }, settings, profile] = await Promise.all([
    adminQuery(graphql, INVOICE_ORDER_QUERY, { id: orderId }),
    loadInvoiceSettings({ shop }),
    getShopProfile({ shop, graphql }),
  ]);
  if (!order) return { issued: false, reason: "not_found" };
  if (order.cancelledAt && UNPAID.has(order.displayFinancialStatus ?? "")) {
    return { issued: false, reason: "cancelled_unpaid" };
  }
  const seller = {
    name: settings.legalName || profile.name,
    address: settings.address
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean),
    taxIds: settings.taxIds
      .split(/[\n,;]/)
      .map((l) => l.trim())
      .filter(Boolean),
  };
  // The invoice's language: the order's customer locale, else the shop's primary locale, else English.
  const fallbackLanguage = invoiceLanguage(shopLocales.find((l) => l.primary)?.locale, "en");
  const build = (number: string): InvoiceSnapshot => ({
    ...snapshotFromOrder(order as InvoiceOrder, {
      number,
      issuedAt: now,
      timeZone: profile.ianaTimezone,
      seller,
      fallbackLanguage,
    }),
    logoId: settings.logoId || null,
  });
  const preview = build("");
  const { document, created } = await issueDocument(
    {
      shop,
      kind: "invoice",
      sourceKey: `order:${order.id}`,
      orderId: order.id,
      orderName: order.name,
      customerId: order.customer?.id ?? null,
      customerEmail: order.email ?? null,
      customerName: preview.buyer.company ?? preview.buyer.name,
      currency: preview.currency,
      total: preview.total,
      test: order.test,
      locale: preview.language,
      issuedAt: now,
      year: Number(preview.issueDate.slice(0, 4)),
      snapshot: build,
    },
    numberFormat(settings, "invoice"),
  );
  if (created) await emailOnIssue(document);
  return { issued: true, created, document };
}

export type CreditOutcome =
  | { issued: true; created: boolean; document: StoredDocument; invoice: StoredDocument }
  | { issued: false; reason: "not_found" | "no_invoice" };

/**
 * The credit note for a Shopify refund (refunds/create), once per refund. It corrects the
 * order's invoice; when the order has none yet (the refund came before the shop's trigger, or
 * the shop issues on request), the invoice is issued first — from the order's lines as sold —
 * and the credit note then corrects it.
 */
export async function issueCreditNote({
  shop,
  graphql,
  refundId,
  now = new Date(),
}: {
  shop: string;
  graphql: AdminGraphql;
  refundId: string;
  now?: Date;
}): Promise<CreditOutcome> {
  const sourceKey = `refund:${refundId}`;
  const existing = await findBySource({ shop, sourceKey });
  if (existing) {
    const invoice = existing.invoiceId ? await getDocument({ shop, id: existing.invoiceId }) : null;
    if (invoice) return { issued: true, created: false, document: existing, invoice };
  }
  const { refund } = await adminQuery(graphql, CREDIT_NOTE_REFUND_QUERY, { id: refundId });
  if (!refund) return { issued: false, reason: "not_found" };
  const invoiceOutcome = await issueInvoice({ shop, graphql, orderId: refund.order.id, now });
  if (!invoiceOutcome.issued) return { issued: false, reason: "no_invoice" };
  const invoice = invoiceOutcome.document;
  const [settings, profile] = await Promise.all([loadInvoiceSettings({ shop }), getShopProfile({ shop, graphql })]);
  const invoiceSnapshot = readSnapshot(invoice);
  const build = (number: string) =>
    creditNoteFromRefund(refund as CreditRefund, invoiceSnapshot, {
      number,
      issuedAt: now,
      timeZone: profile.ianaTimezone,
    });
  const { document, created } = await storeCreditNote({ shop, sourceKey, invoice, now, build, settings });
  return { issued: true, created, document, invoice };
}

export type ManualCreditResult =
  | { ok: true; created: boolean; document: StoredDocument }
  | { ok: false; error: "not_found" | "not_an_invoice" | "no_lines" | "invalid_line" | "exceeds_invoice" };

/**
 * A credit note the merchant issues by hand against one of the shop's invoices (the admin's
 * "issue credit note"). `key` makes it idempotent (a form's one-time token): the same key
 * gives the same credit note. Credit notes of an invoice never credit more than its total.
 */
export async function issueManualCreditNote({
  shop,
  graphql,
  invoiceId,
  key,
  lines,
  reason = null,
  now = new Date(),
}: {
  shop: string;
  /** The admin's client: only to read the shop's time zone (cached). */
  graphql: AdminGraphql;
  invoiceId: string;
  key: string;
  lines: ManualCreditLine[];
  reason?: string | null;
  now?: Date;
}): Promise<ManualCreditResult> {
  const sourceKey = `manual:${invoiceId}:${key}`;
  const existing = await findBySource({ shop, sourceKey });
  if (existing) return { ok: true, created: false, document: existing };
  const invoice = await getDocument({ shop, id: invoiceId });
  if (!invoice) return { ok: false, error: "not_found" };
  if (invoice.kind !== "invoice") return { ok: false, error: "not_an_invoice" };
  if (lines.length === 0 || lines.length > 100) return { ok: false, error: "no_lines" };
  const valid = lines.every(
    (l) =>
      l.description.trim().length > 0 &&
      l.description.length <= 200 &&
      Number.isInteger(l.quantity) &&
      l.quantity >= 1 &&
      l.quantity <= 10_000 &&
      /^\d{1,9}(\.\d{1,3})?$/.test(l.unitPrice) &&
      Number(l.unitPrice) > 0 &&
      (l.taxRate === null || (Number.isFinite(l.taxRate) && l.taxRate >= 0 && l.taxRate <= 100)),
  );
  if (!valid) return { ok: false, error: "invalid_line" };
  const invoiceSnapshot = readSnapshot(invoice);
  const settings = await loadInvoiceSettings({ shop });
  const { ianaTimezone: timeZone } = await getShopProfile({ shop, graphql });
  const build = (number: string) =>
    manualCreditNote(invoiceSnapshot, { number, issuedAt: now, timeZone, lines, reason });
  // Never more credit than the invoice's total (credit notes are negative).
  const digits = currencyDigits(invoice.currency);
  const credited = (await documentsOfOrder({ shop, orderId: invoice.orderId }))
    .filter((d) => d.kind === "credit_note" && d.invoiceId === invoice.id)
    .reduce((sum, d) => sum + toMinor(d.total, digits), 0);
  const thisOne = toMinor(build("").total, digits);
  if (-(credited + thisOne) > toMinor(invoice.total, digits)) return { ok: false, error: "exceeds_invoice" };
  const { document, created } = await storeCreditNote({ shop, sourceKey, invoice, now, build, settings });
  return { ok: true, created, document };
}

async function storeCreditNote(args: Parameters<typeof storeDocument>[0]) {
  const outcome = await storeDocument(args);
  if (outcome.created) await emailOnIssue(outcome.document);
  return outcome;
}

async function storeDocument({
  shop,
  sourceKey,
  invoice,
  now,
  build,
  settings,
}: {
  shop: string;
  sourceKey: string;
  invoice: StoredDocument;
  now: Date;
  build: (number: string) => InvoiceSnapshot;
  settings: Awaited<ReturnType<typeof loadInvoiceSettings>>;
}) {
  const withLogo = (number: string): InvoiceSnapshot => ({ ...build(number), logoId: settings.logoId || null });
  const preview = build("");
  return issueDocument(
    {
      shop,
      kind: "credit_note",
      sourceKey,
      orderId: invoice.orderId,
      orderName: invoice.orderName,
      invoiceId: invoice.id,
      customerId: invoice.customerId,
      customerEmail: invoice.customerEmail,
      customerName: invoice.customerName,
      currency: invoice.currency,
      total: preview.total,
      test: invoice.test,
      locale: invoice.locale,
      issuedAt: now,
      year: Number(preview.issueDate.slice(0, 4)),
      snapshot: withLogo,
    },
    numberFormat(settings, "credit_note"),
  );
}

/** What an invoice can still be credited: its total less its credit notes (for the admin's form). */
export async function creditableAmount({ shop, invoiceId }: { shop: string; invoiceId: string }) {
  const invoice = await getDocument({ shop, id: invoiceId });
  if (!invoice || invoice.kind !== "invoice") return null;
  const digits = currencyDigits(invoice.currency);
  const credited = (await documentsOfOrder({ shop, orderId: invoice.orderId }))
    .filter((d) => d.kind === "credit_note" && d.invoiceId === invoice.id)
    .reduce((sum, d) => sum + toMinor(d.total, digits), 0);
  return { currency: invoice.currency, amount: fromMinor(toMinor(invoice.total, digits) + credited, digits) };
}

/**
 * What each of these invoices can still be credited (the Invoices page's rows): one query for
 * the credit notes of their orders. Keyed by invoice ID, as a decimal string in its currency.
 */
export async function creditableAmounts({
  shop,
  invoices,
}: {
  shop: string;
  invoices: Pick<StoredDocument, "id" | "kind" | "orderId" | "total" | "currency">[];
}): Promise<Map<string, string>> {
  const own = invoices.filter((d) => d.kind === "invoice");
  const notes = await creditNotesOfOrders({ shop, orderIds: [...new Set(own.map((d) => d.orderId))] });
  const result = new Map<string, string>();
  for (const invoice of own) {
    const digits = currencyDigits(invoice.currency);
    const credited = notes
      .filter((n) => n.invoiceId === invoice.id)
      .reduce((sum, n) => sum + toMinor(n.total, digits), 0);
    result.set(invoice.id, fromMinor(Math.max(0, toMinor(invoice.total, digits) + credited), digits));
  }
  return result;
}

export function readSnapshot(document: Pick<StoredDocument, "snapshot">): InvoiceSnapshot {
  return JSON.parse(document.snapshot) as InvoiceSnapshot;
}

/** The Home card: invoices issued in the last `days`, and documents downloaded in them. */
export async function invoiceStats({ shop, days }: { shop: string; days: number }) {
  const since = new Date(Date.now() - days * 24 * 60 * 60 * 1000);
  const [issued, downloads] = await Promise.all([
    prisma.invoice.count({ where: { shop, kind: "invoice", issuedAt: { gte: since } } }),
    downloadsSince({ shop, days }),
  ]);
  return { issued, downloads };
}
