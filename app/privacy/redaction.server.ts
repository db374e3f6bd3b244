// GDPR / privacy-law compliance. Shopify sends three mandatory webhooks; each lands here:
// - customers/data_request: report what Care Desk holds about a customer, for the merchant;
// - customers/redact: delete what Care Desk holds about a customer;
// - shop/redact (48 h after uninstall): delete everything Care Desk holds about the shop.
// Each feature describes its own data with a redactor (its redact.server.ts); the list of
// them is app/features/index.server.ts. This module knows no feature.

export interface CustomerRef {
  id?: number | string | null;
  email?: string | null;
  phone?: string | null;
}

export interface Redactor {
  /** What the feature stores, as shown in the data report. */
  name: string;
  /** Records held about the customer (for customers/data_request). */
  exportCustomer?(args: { shop: string; customer: CustomerRef; orderIds: string[] }): Promise<unknown[]>;
  redactCustomer?(args: { shop: string; customer: CustomerRef; orderIds: string[] }): Promise<void>;
  redactShop(args: { shop: string }): Promise<void>;
}

/** Shopify's order ids in a compliance payload, as Admin API GIDs. */
function orderGids(ids: unknown): string[] {
  return Array.isArray(ids) ? ids.map((id) => `gid://shopify/Order/${String(id)}`) : [];
}

export async function exportCustomerData(
  redactors: readonly Redactor[],
  {
    shop,
    customer,
    ordersRequested,
  }: {
    shop: string;
    customer: CustomerRef;
    ordersRequested?: unknown;
  },
) {
  const orderIds = orderGids(ordersRequested);
  const report: Record<string, unknown[]> = {};
  for (const redactor of redactors) {
    if (redactor.exportCustomer) report[redactor.name] = await redactor.exportCustomer({ shop, customer, orderIds });
  }
  return report;
}

export async function redactCustomer(
  redactors: readonly Redactor[],
  {
    shop,
    customer,
    ordersToRedact,
  }: {
    shop: string;
    customer: CustomerRef;
    ordersToRedact?: unknown;
  },
) {
  const orderIds = orderGids(ordersToRedact);
  for (const redactor of redactors) await redactor.redactCustomer?.({ shop, customer, orderIds });
}

export async function redactShop(redactors: readonly Redactor[], { shop }: { shop: string }) {
  for (const redactor of redactors) await redactor.redactShop({ shop });
}
