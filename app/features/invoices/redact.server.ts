// Invoices for the compliance webhooks. Tax law (e.g. §147 AO and §14b UStG in Germany,
// Art. 233 of the EU VAT Directive) obliges the merchant to keep issued invoices and credit
// notes for years, personal data on them included, so customers/redact keeps every document
// younger than the retention period set in Settings (default 10 years) and deletes older
// ones; the documents are reported in customers/data_request. shop/redact deletes all.
import prisma from "~/db.server";
import type { CustomerRef, Redactor } from "~/privacy/redaction.server";
import { loadInvoiceSettings } from "./settings.server";

function customerWhere(shop: string, customer: CustomerRef, orderIds: string[]) {
  const or: object[] = [];
  if (customer.id != null) or.push({ customerId: `gid://shopify/Customer/${String(customer.id)}` });
  if (customer.email) or.push({ customerEmail: customer.email });
  if (orderIds.length) or.push({ orderId: { in: orderIds } });
  return or.length ? { shop, OR: or } : null;
}

export const invoicesRedactor: Redactor = {
  name: "invoices",
  async exportCustomer({ shop, customer, orderIds }) {
    const where = customerWhere(shop, customer, orderIds);
    if (!where) return [];
    const documents = await prisma.invoice.findMany({
      where,
      orderBy: { issuedAt: "asc" },
      select: {
        kind: true,
        number: true,
        orderName: true,
        issuedAt: true,
        currency: true,
        total: true,
        snapshot: true,
      },
    });
    return documents.map(({ snapshot, ...document }) => ({ ...document, document: JSON.parse(snapshot) as unknown }));
  },
  async redactCustomer({ shop, customer, orderIds }) {
    const where = customerWhere(shop, customer, orderIds);
    if (!where) return;
    const { retentionYears } = await loadInvoiceSettings({ shop });
    const cutoff = new Date();
    cutoff.setUTCFullYear(cutoff.getUTCFullYear() - retentionYears);
    // Kept: documents tax law still requires (issued after the cutoff). Deleted: older ones.
    await prisma.invoice.deleteMany({ where: { ...where, issuedAt: { lt: cutoff } } });
  },
  async redactShop({ shop }) {
    await prisma.invoice.deleteMany({ where: { shop } });
    await prisma.invoiceCounter.deleteMany({ where: { shop } });
    await prisma.invoiceLogo.deleteMany({ where: { shop } });
    await prisma.invoiceDownload.deleteMany({ where: { shop } });
  },
};
