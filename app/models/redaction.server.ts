// GDPR / privacy-law compliance. Shopify sends three mandatory webhooks; each lands here:
// - customers/data_request: report what Care Desk holds about a customer, for the merchant;
// - customers/redact: delete what Care Desk holds about a customer;
// - shop/redact (48 h after uninstall): delete everything Care Desk holds about the shop.
// Each feature that stores data registers a redactor describing its own data.
import prisma from "~/db.server";

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

const redactors: Redactor[] = [];

export function registerRedactor(redactor: Redactor): void {
  if (redactors.some((r) => r.name === redactor.name)) return;
  redactors.push(redactor);
}

export function registeredRedactors(): readonly Redactor[] {
  return redactors;
}

/** Shopify's order ids in a compliance payload, as Admin API GIDs. */
function orderGids(ids: unknown): string[] {
  return Array.isArray(ids) ? ids.map((id) => `gid://shopify/Order/${String(id)}`) : [];
}

export async function exportCustomerData({
  shop,
  customer,
  ordersRequested,
}: {
  shop: string;
  customer: CustomerRef;
  ordersRequested?: unknown;
}) {
  const orderIds = orderGids(ordersRequested);
  const report: Record<string, unknown[]> = {};
  for (const redactor of redactors) {
    if (redactor.exportCustomer) report[redactor.name] = await redactor.exportCustomer({ shop, customer, orderIds });
  }
  return report;
}

export async function redactCustomer({
  shop,
  customer,
  ordersToRedact,
}: {
  shop: string;
  customer: CustomerRef;
  ordersToRedact?: unknown;
}) {
  const orderIds = orderGids(ordersToRedact);
  for (const redactor of redactors) await redactor.redactCustomer?.({ shop, customer, orderIds });
}

export async function redactShop({ shop }: { shop: string }) {
  for (const redactor of redactors) await redactor.redactShop({ shop });
}

// Foundation data: sessions (access tokens, staff names and emails) and webhook records.
registerRedactor({
  name: "sessions",
  async exportCustomer() {
    return []; // sessions belong to staff, never to customers
  },
  async redactShop({ shop }) {
    await prisma.session.deleteMany({ where: { shop } });
    await prisma.webhookDelivery.deleteMany({ where: { shop } });
  },
});

// Order lookup: settings, pending one-time codes and outcome counts. No customer data is
// stored (codes are hashed, events hold only an outcome), so only pending codes for the
// customer's orders are removed.
registerRedactor({
  name: "order lookup",
  async exportCustomer({ shop, orderIds }) {
    if (orderIds.length === 0) return [];
    const pending = await prisma.lookupChallenge.findMany({
      where: { shop, orderId: { in: orderIds } },
      select: { orderId: true, createdAt: true, expiresAt: true },
    });
    return pending.map((c) => ({ kind: "pending one-time code (hashed)", ...c }));
  },
  async redactCustomer({ shop, orderIds }) {
    if (orderIds.length > 0) await prisma.lookupChallenge.deleteMany({ where: { shop, orderId: { in: orderIds } } });
  },
  async redactShop({ shop }) {
    await prisma.lookupChallenge.deleteMany({ where: { shop } });
    await prisma.lookupEvent.deleteMany({ where: { shop } });
    await prisma.shopSettings.deleteMany({ where: { shop } });
    await prisma.rateLimit.deleteMany({ where: { key: { contains: `${shop}:` } } });
  },
});
