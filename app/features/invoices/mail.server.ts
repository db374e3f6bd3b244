// Invoices and credit notes by email: when the shop turns it on, each new document is sent to
// the customer as a PDF attachment, in the document's language. A durable job per document
// renders the PDF when it runs (nothing large is stored in the queue) and sends it through the
// outbox's once-per-key delivery, so a retried job never sends it twice.
import { defineJob, enqueue } from "~/jobs/queue.server";
import { deliverOnce, escapeHtml } from "~/mail/outbox.server";
import { mailConfigured } from "~/mail/transport.server";
import { getShopProfile } from "~/shop/profile.server";
import { unauthenticated } from "~/shopify.server";
import { translator } from "~/storefront/i18n";
import { renderDocument } from "./logo.server";
import { loadInvoiceSettings } from "./settings.server";
import { getDocument, type StoredDocument } from "./store.server";

export const emailDocumentJob = defineJob<{ shop: string; documentId: string }>(
  "invoices.email",
  async ({ shop, documentId }, { key }) => {
    const document = await getDocument({ shop, id: documentId });
    if (!document?.customerEmail) return;
    const { admin } = await unauthenticated.admin(shop);
    const profile = await getShopProfile({ shop, graphql: admin.graphql });
    const t = translator(document.locale);
    const kind = document.kind === "credit_note" ? "credit_note" : "invoice";
    const vars = { number: document.number, order: document.orderName, shop: profile.name };
    const body = t(`invoices.email.${kind}_body`, vars);
    await deliverOnce(key, {
      to: document.customerEmail,
      shopName: profile.name,
      replyTo: profile.contactEmail,
      subject: t(`invoices.email.${kind}_subject`, vars),
      text: `${body}\n`,
      html: `<p>${escapeHtml(body)}</p>`,
      attachments: [
        {
          filename: `${document.number.replace(/[^A-Za-z0-9._-]/g, "_")}.pdf`,
          contentType: "application/pdf",
          content: await renderDocument(document),
        },
      ],
    });
  },
  { attempts: 8, backoffSeconds: 5, maxBackoffSeconds: 600 },
);

/**
 * Emails the document to its customer (once per `reason`): the merchant's "email to customer",
 * or on issue. False when there is nobody to send it to or no SMTP server configured.
 */
export async function emailDocument({
  document,
  reason = "issued",
}: {
  document: Pick<StoredDocument, "id" | "shop" | "customerEmail">;
  /** Another reason (e.g. `resend:<token>`) sends it again. */
  reason?: string;
}): Promise<boolean> {
  if (!document.customerEmail || !mailConfigured()) return false;
  await enqueue(
    emailDocumentJob,
    { shop: document.shop, documentId: document.id },
    { key: `invoices.email:${document.shop}:${document.id}:${reason}` },
  );
  return true;
}

/** After a document is issued: emails it when the shop sends documents on issue. */
export async function emailOnIssue(document: Pick<StoredDocument, "id" | "shop" | "customerEmail">) {
  const settings = await loadInvoiceSettings({ shop: document.shop });
  return settings.emailOnIssue ? emailDocument({ document }) : false;
}
