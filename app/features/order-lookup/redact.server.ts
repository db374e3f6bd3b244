// Order lookup's data for the compliance webhooks: pending one-time codes and outcome counts.
// No customer data is stored (codes are hashed, events hold only an outcome), so only
// pending codes for the customer's orders are reported and removed.
import prisma from "~/db.server";
import type { Redactor } from "~/privacy/redaction.server";

export const orderLookupRedactor: Redactor = {
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
  },
};
