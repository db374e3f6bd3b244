// "Email to customer" from the Invoices page: a durable job that emails the customer a signed
// link to their document (the same link the order lookup gives, valid EMAIL_LINK_DAYS), in
// the document's language. The body is built here only, so that an email with the PDF
// attached can replace it in one place.
import { defineJob } from "~/jobs/queue.server";
import { enqueueMail, linkListEmail } from "~/mail/outbox.server";
import { getShopProfile } from "~/shop/profile.server";
import { unauthenticated } from "~/shopify.server";
import { translator } from "~/storefront/i18n";
import { findShopDocument } from "./admin-list.server";
import { DOWNLOAD_PATH } from "./endpoints.server";
import { signDownloadToken } from "./links.server";

/** How long an emailed download link works. */
export const EMAIL_LINK_DAYS = 14;

interface EmailRequest {
  shop: string;
  id: string;
}

/**
 * Emails the customer a signed link to their document (the link the order lookup gives,
 * valid EMAIL_LINK_DAYS). The body is built in one place (documentEmail) so an email with the
 * PDF attached can replace it.
 */
export const emailDocumentJob = defineJob<EmailRequest>(
  "invoices.email",
  async ({ shop, id }, { key }) => {
    const document = await findShopDocument({ shop, id });
    if (!document?.customerEmail) return;
    const { admin } = await unauthenticated.admin(shop);
    const profile = await getShopProfile({ shop, graphql: admin.graphql });
    const token = await signDownloadToken(
      { shop, orderId: document.orderId },
      { ttlSeconds: EMAIL_LINK_DAYS * 86_400 },
    );
    const url = new URL(DOWNLOAD_PATH, profile.storefrontUrl);
    url.search = new URLSearchParams({ t: token, locale: document.locale }).toString();
    const t = translator(document.locale);
    const vars = { number: document.number, order: document.orderName, shop: profile.name, days: EMAIL_LINK_DAYS };
    await enqueueMail({
      key: `${key}:mail`,
      mail: {
        to: document.customerEmail,
        shopName: profile.name,
        replyTo: profile.contactEmail,
        subject: t("invoices.link_email.subject", vars),
        ...linkListEmail({
          intro: t("invoices.link_email.intro", vars),
          links: [{ label: t("invoices.link_email.download", vars), url: url.href }],
          outro: t("invoices.link_email.expiry", vars),
        }),
      },
    });
  },
  { attempts: 6, backoffSeconds: 5, maxBackoffSeconds: 300 },
);
