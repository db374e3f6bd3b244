// Emails of the order lookup, in the shopper's language (strings from the theme extension),
// sent through the durable outbox: accepted before the shopper's answer, sent by the worker,
// once per key.
import { enqueueMail, escapeHtml as escape, linkListEmail } from "~/mail/outbox.server";
import type { ShopProfile } from "~/shop/profile.server";
import { translator } from "~/storefront/i18n";

export async function sendLookupCode({
  key,
  to,
  code,
  orderName,
  profile,
  locale,
}: {
  /** Names this email: the same key is sent once. */
  key: string;
  to: string;
  code: string;
  orderName: string;
  profile: Pick<ShopProfile, "name" | "contactEmail">;
  locale: string;
}) {
  const t = translator(locale);
  const intro = t("order_lookup.email.code_intro", { name: orderName, shop: profile.name });
  const expiry = t("order_lookup.email.code_expiry");
  await enqueueMail({
    key,
    mail: {
      to,
      shopName: profile.name,
      replyTo: profile.contactEmail,
      subject: t("order_lookup.email.code_subject", { name: orderName }),
      text: `${intro}\n\n${code}\n\n${expiry}\n`,
      html: `<p>${escape(intro)}</p><p style="font-size:28px;font-weight:bold;letter-spacing:4px">${code}</p><p>${escape(expiry)}</p>`,
    },
  });
}

export async function sendOrderLinks({
  key,
  to,
  links,
  profile,
  locale,
}: {
  key: string;
  to: string;
  links: { name: string; url: string }[];
  profile: Pick<ShopProfile, "name" | "contactEmail">;
  locale: string;
}) {
  const t = translator(locale);
  const intro = t("order_lookup.email.links_intro", { shop: profile.name });
  const ignore = t("order_lookup.email.links_ignore");
  const lines = links.map((link) => ({
    label: t("order_lookup.email.view_order", { name: link.name }),
    url: link.url,
  }));
  await enqueueMail({
    key,
    mail: {
      to,
      shopName: profile.name,
      replyTo: profile.contactEmail,
      subject: t("order_lookup.email.links_subject", { shop: profile.name }),
      ...linkListEmail({ intro, links: lines, outro: ignore }),
    },
  });
}
