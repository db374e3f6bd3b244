// Issuing invoices: the order is read once through the Admin API (CareDeskInvoiceOrder),
// frozen into a snapshot and stored with the next number of the shop's series. Issuing is
// idempotent per order (one invoice per order, whatever triggers it how often).
import prisma from "~/db.server";
import { adminQuery, type AdminGraphql } from "~/graphql.server";
import { getShopProfile } from "~/shop/profile.server";
import { snapshotFromOrder, type InvoiceOrder, type InvoiceSnapshot } from "./document";
import { loadInvoiceSettings, numberFormat } from "./settings.server";
import { downloadsSince, issueDocument, findBySource, type StoredDocument } from "./store.server";

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

  const [{ order }, settings, profile] = await Promise.all([
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
  const build = (number: string): InvoiceSnapshot =>
    snapshotFromOrder(order as InvoiceOrder, { number, issuedAt: now, timeZone: profile.ianaTimezone, seller });
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
  return { issued: true, created, document };
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
